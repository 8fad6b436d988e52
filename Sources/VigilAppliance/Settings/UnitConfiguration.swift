import VigilAnalysis
import VigilCore
import VigilUnit

/// Everything `/etc/vigil/vigil.conf` sets, section by section; each module describes its own.
public struct UnitConfiguration: Sendable {
    public var analysis = AnalysisParameters()
    public var redaction = RedactionSettings()
    public var tamper = TamperSettings()
    public var policy = PolicySettings()
    public var outputs = OutputSettings()
    public var unit = UnitSettings()

    public init() {}

    public static let sections = [AnalysisParameters.configSection, RedactionSettings.configSection, TamperSettings.configSection,
                                  PolicySettings.configSection, OutputSettings.configSection] + UnitSettings.sections

    /// Applies every section of `file`; returns each line refused, in file order.
    public mutating func apply(_ file: ConfigFile) -> [ConfigError] {
        var errors = file.errors + analysis.apply(file) + redaction.apply(file) + tamper.apply(file) + policy.apply(file)
            + outputs.apply(file) + unit.apply(file)
        errors.sort { $0.line < $1.line }
        return errors
    }
}
