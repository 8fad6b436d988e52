import VigilAnalysis
import VigilCore
import VigilDevices

/// Every section the configuration file may have; each module describes its own.
let configSections = [AnalysisParameters.configSection, RedactionSettings.configSection]

/// Far more than any configuration needs; anything larger is the wrong file.
private let configurationSizeLimit = 65536

/// The analysis parameters of the configuration file at `path`. When the file cannot be read
/// or has mistakes, prints every one on stderr, each with the command, the path and the line,
/// and returns nil: a unit never runs on half a configuration.
func analysisParameters(fromConfiguration path: String, command: String) -> AnalysisParameters? {
    configuration(fromFile: path, command: command)?.analysis
}

/// Both sections of the configuration file at `path`, or nil after printing every mistake.
func configuration(fromFile path: String, command: String) -> (analysis: AnalysisParameters, redaction: RedactionSettings)? {
    let prefix = "vigil " + command + ": "
    let bytes: [UInt8]
    do throws(DeviceError) { bytes = try readSmallFile(path, limit: configurationSizeLimit) } catch {
        StandardStreams.writeError(prefix + error.message)
        return nil
    }
    let file = ConfigFile(parsing: bytes, sections: configSections)
    var parameters = AnalysisParameters()
    var redaction = RedactionSettings()
    var errors = file.errors + parameters.apply(file) + redaction.apply(file)
    if errors.isEmpty { return (parameters, redaction) }
    errors.sort { $0.line < $1.line }
    for error in errors { StandardStreams.writeError(prefix + path + ": " + error.message) }
    StandardStreams.writeError(prefix + path + ": \(errors.count) " + (errors.count == 1 ? "error" : "errors")
                               + "; correct the lines above (the settings and zones: vigil " + command + " --help)")
    return nil
}
