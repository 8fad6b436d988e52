/// A setting that could not be applied: unknown key or bad value, with what is expected.
public struct SettingError: Error, Equatable, Sendable {
    public let message: String
}

extension AnalysisParameters {
    /// The analysis keys that `--set` (and the configuration file) accept, with their ranges.
    public static let settingKeys: [(key: String, range: ClosedRange<Int>, help: String)] = [
        ("downscale", 0...8, "analyse at 1/N of the frame size; 0 = automatic (about 320 px wide)"),
        ("motion_sensitivity", 1...8, "N of the Sigma-Delta model: lower is more sensitive"),
        ("motion_min_ms", 0...60_000, "how long activity must last before a motion event"),
        ("motion_min_area", 1...1_000_000, "smallest moving area for a motion event, in analysed pixels"),
        ("fall_confirm_ms", 0...60_000, "how long a fallen person must stay down before the fall event"),
        ("track_hold_frames", 1...10_000, "frames a track survives unseen (occlusions)"),
    ]

    /// Applies `key=value`; throws for an unknown key or a value out of range.
    public mutating func set(_ key: String, _ value: String) throws(SettingError) {
        guard let entry = AnalysisParameters.settingKeys.first(where: { $0.key == key }) else {
            var known = ""
            for entry in AnalysisParameters.settingKeys { known += (known.isEmpty ? "" : ", ") + entry.key }
            throw SettingError(message: "unknown setting '" + key + "' (known: " + known + ")")
        }
        guard let number = Int(value), entry.range.contains(number) else {
            throw SettingError(message: "bad value '" + value + "' for " + key
                               + ": expected a whole number from \(entry.range.lowerBound) to \(entry.range.upperBound)")
        }
        switch key {
        case "downscale": downscale = number
        case "motion_sensitivity": motion.amplification = number
        case "motion_min_ms": motionMinimumMilliseconds = number
        case "motion_min_area": motionMinimumArea = number
        case "fall_confirm_ms": fall.confirmMilliseconds = number
        default: tracker.maximumMissedFrames = number
        }
    }
}
