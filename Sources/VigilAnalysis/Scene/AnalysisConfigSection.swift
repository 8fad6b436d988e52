import VigilCore

extension AnalysisParameters {
    /// The `[analysis]` section of the configuration file: every key of the settings table,
    /// and the zones.
    public static let configSection = ConfigSection(
        name: "analysis", keys: settings.map { $0.key } + zoneKeys, repeatableKeys: zoneKeys)

    /// Applies the `[analysis]` lines of `file` in order and returns the ones refused, each
    /// with its reason; a refused line changes nothing.
    public mutating func apply(_ file: ConfigFile) -> [ConfigError] {
        var errors: [ConfigError] = []
        for line in file.lines(in: AnalysisParameters.configSection.name) {
            do throws(SettingError) {
                if AnalysisParameters.zoneKeys.contains(line.key) {
                    try addZone(line.key, line.value)
                } else {
                    try set(line.key, line.value)
                }
            } catch {
                errors.append(ConfigError(line: line.number, reason: error.message))
            }
        }
        return errors
    }
}
