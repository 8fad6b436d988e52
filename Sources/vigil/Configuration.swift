import VigilAnalysis
import VigilCore
import VigilDevices
import VigilUnit

/// Every section the configuration file may have; each module describes its own.
let configSections = [AnalysisParameters.configSection, RedactionSettings.configSection, TamperSettings.configSection,
                      PolicySettings.configSection, OutputSettings.configSection]

/// Far more than any configuration needs; anything larger is the wrong file.
private let configurationSizeLimit = 65536

/// The settings of every section, each at its default until a file sets it.
struct UnitConfiguration {
    var analysis = AnalysisParameters()
    var redaction = RedactionSettings()
    var tamper = TamperSettings()
    var policy = PolicySettings()
    var outputs = OutputSettings()

    /// Applies every section of `file`; returns each line refused, in file order.
    mutating func apply(_ file: ConfigFile) -> [ConfigError] {
        var errors = file.errors + analysis.apply(file) + redaction.apply(file) + tamper.apply(file) + policy.apply(file) + outputs.apply(file)
        errors.sort { $0.line < $1.line }
        return errors
    }
}

/// Every section of the configuration file at `path`. When the file cannot be read or has
/// mistakes, prints every one on stderr, each with the command, the path and the line, and
/// returns nil: a unit never runs on half a configuration.
func configuration(fromFile path: String, command: String) -> UnitConfiguration? {
    let prefix = "vigil " + command + ": "
    let bytes: [UInt8]
    do throws(DeviceError) { bytes = try readSmallFile(path, limit: configurationSizeLimit) } catch {
        StandardStreams.writeError(prefix + error.message)
        return nil
    }
    var configuration = UnitConfiguration()
    let errors = configuration.apply(ConfigFile(parsing: bytes, sections: configSections))
    if errors.isEmpty { return configuration }
    for error in errors { StandardStreams.writeError(prefix + path + ": " + error.message) }
    StandardStreams.writeError(prefix + path + ": \(errors.count) " + (errors.count == 1 ? "error" : "errors")
                               + "; correct the lines above (the settings and zones: vigil " + command + " --help)")
    return nil
}
