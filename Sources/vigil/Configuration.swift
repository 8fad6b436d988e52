import VigilAnalysis
import VigilAppliance
import VigilCore
import VigilDevices

/// Far more than any configuration needs; anything larger is the wrong file.
private let configurationSizeLimit = 65536

/// The analysis parameters of the configuration file at `path`. When the file cannot be read
/// or has mistakes, prints every one on stderr, each with the command, the path and the line,
/// and returns nil: a unit never runs on half a configuration.
func analysisParameters(fromConfiguration path: String, command: String) -> AnalysisParameters? {
    configuration(fromFile: path, command: command)?.analysis
}

/// Every section of the configuration file at `path`, or nil after printing every mistake.
func configuration(fromFile path: String, command: String) -> UnitConfiguration? {
    let prefix = "vigil " + command + ": "
    let bytes: [UInt8]
    do throws(DeviceError) { bytes = try readSmallFile(path, limit: configurationSizeLimit) } catch {
        StandardStreams.writeError(prefix + error.message)
        return nil
    }
    let file = ConfigFile(parsing: bytes, sections: UnitConfiguration.sections)
    var configuration = UnitConfiguration()
    let errors = configuration.apply(file)
    if errors.isEmpty { return configuration }
    for error in errors { StandardStreams.writeError(prefix + path + ": " + error.message) }
    StandardStreams.writeError(prefix + path + ": \(errors.count) " + (errors.count == 1 ? "error" : "errors")
                               + "; correct the lines above (every key with its meaning: vigil config --defaults)")
    return nil
}
