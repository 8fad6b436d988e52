import VigilCore

/// A setting that could not be applied: unknown key or bad value, with what is expected.
public struct SettingError: Error, Equatable, Sendable {
    public let message: String

    public init(message: String) { self.message = message }
}

/// One key that `--set` (and the configuration file) accept: its range, what it means, and
/// where it goes. The table is the only list of keys; help texts and `vigil config
/// --defaults` are made from it.
public struct AnalysisSetting: Sendable {
    public let key: String
    public let range: ClosedRange<Int>
    public let help: String
    /// The setting's value in a set of parameters.
    public let read: @Sendable (AnalysisParameters) -> Int
    let apply: @Sendable (inout AnalysisParameters, Int) -> Void
}

extension AnalysisParameters {
    public static let settings: [AnalysisSetting] = [
        AnalysisSetting(key: "downscale", range: 0...8, help: "analyse at 1/N of the frame size; 0 = automatic (about 320 px wide)", read: { $0.downscale }) { $0.downscale = $1 },
        AnalysisSetting(key: "motion_sensitivity", range: 1...8, help: "N of the Sigma-Delta model: lower is more sensitive", read: { $0.motion.amplification }) { $0.motion.amplification = $1 },
        AnalysisSetting(key: "motion_min_ms", range: 0...60_000, help: "how long activity must last before a motion event", read: { $0.motionMinimumMilliseconds }) { $0.motionMinimumMilliseconds = $1 },
        AnalysisSetting(key: "motion_min_area", range: 1...1_000_000, help: "smallest moving area for a motion event, in analysed pixels", read: { $0.motionMinimumArea }) { $0.motionMinimumArea = $1 },
        AnalysisSetting(key: "fall_confirm_ms", range: 0...60_000, help: "how long a fallen person must stay down before the fall event", read: { $0.fall.confirmMilliseconds }) { $0.fall.confirmMilliseconds = $1 },
        AnalysisSetting(key: "fall_motion_permille", range: 1...100,
                        help: "how much of the analysed picture (per mille) must change for a person to count as moving; lower it for people far away", read: { $0.fall.movingPermille }) { $0.fall.movingPermille = $1 },
        AnalysisSetting(key: "track_hold_frames", range: 1...10_000, help: "frames a track survives unseen (occlusions)", read: { $0.tracker.maximumMissedFrames }) { $0.tracker.maximumMissedFrames = $1 },
    ]

    /// `KEY=VALUE` as `--set` takes it, split at the first '='; nil when there is none.
    public static func assignment(_ text: String) -> (key: String, value: String)? {
        guard let equals = text.firstIndex(of: "=") else { return nil }
        return (String(text[..<equals]), String(text[text.index(after: equals)...]))
    }

    /// Applies `key=value`; throws for an unknown key or a value out of range.
    @_optimize(size)
    public mutating func set(_ key: String, _ value: String) throws(SettingError) {
        guard let setting = AnalysisParameters.settings.first(where: { $0.key == key }) else {
            throw SettingError(message: "unknown setting '" + key + "' (known: " + commaSeparated(AnalysisParameters.settings.map { $0.key }) + ")")
        }
        guard let number = Int(value), setting.range.contains(number) else {
            throw SettingError(message: "bad value '" + value + "' for " + key
                               + ": expected a whole number from \(setting.range.lowerBound) to \(setting.range.upperBound)")
        }
        setting.apply(&self, number)
    }
}
