import VigilCore

extension AnalysisParameters {
    /// The configuration keys of zones; each line adds one polygon.
    public static let zoneKeys = ["include_zone", "exclude_zone"]

    /// Adds the zone written `x,y x,y x,y ...` as `key` (`include_zone` or `exclude_zone`).
    public mutating func addZone(_ key: String, _ corners: String) throws(SettingError) {
        let polygon: Polygon
        do throws(SettingError) { polygon = try Polygon(parsing: corners) } catch {
            throw SettingError(message: "bad " + key + " '" + corners + "': " + error.message)
        }
        guard includeZones.count + excludeZones.count < ZoneMap.maximumZones else {
            throw SettingError(message: "too many zones: at most \(ZoneMap.maximumZones), include and exclude together; join neighbouring ones")
        }
        switch key {
        case "include_zone": includeZones.append(polygon)
        case "exclude_zone": excludeZones.append(polygon)
        default: throw SettingError(message: "unknown zone key '" + key + "' (known: " + commaSeparated(AnalysisParameters.zoneKeys) + ")")
        }
    }
}
