import VigilCore

/// The thresholds of `SceneTamperDetector`, the `[tamper]` section of the configuration file.
public struct TamperSettings: Equatable, Sendable {
    public var enabled = true
    /// Mean luma below this: the lens is covered or sprayed black.
    public var darkLevel = 20
    /// Mean luma above this: the camera is blinded by a flashlight or a laser.
    public var brightLevel = 235
    /// Edge energy below this percentage of the learnt scene's: the lens is smeared, sprayed
    /// or defocused.
    public var edgeLossPercent = 30
    /// More than this percentage of the coarse grid's blocks differ from the learnt scene:
    /// the camera is turned away.
    public var sceneChangePercent = 60
    /// How long a condition must last before it is reported; as long again without it re-arms.
    public var confirmMilliseconds = 5000
    /// How long after start the scene is learnt, without reports.
    public var learnMilliseconds = 3000

    public init() {}

    public static let configSection = ConfigSection(name: "tamper", keys: ["enabled"] + integerSettings.map { $0.key })

    /// Applies the `[tamper]` lines of `file` and returns the ones refused, each with why.
    public mutating func apply(_ file: ConfigFile) -> [ConfigError] {
        var errors: [ConfigError] = []
        for line in file.lines(in: TamperSettings.configSection.name) {
            if let reason = set(line.key, line.value) { errors.append(ConfigError(line: line.number, reason: reason)) }
        }
        return errors
    }

    /// Sets one key; returns why the value was refused, or nil.
    @_optimize(size)
    public mutating func set(_ key: String, _ value: String) -> String? {
        if key == "enabled" {
            guard let flag = ConfigValue.flag(value) else { return "enabled '" + value + "': expected yes or no" }
            enabled = flag
            return nil
        }
        guard let setting = TamperSettings.integerSettings.first(where: { $0.key == key }) else {
            return "unknown key '" + key + "' in [tamper] (known: " + commaSeparated(TamperSettings.configSection.keys) + ")"
        }
        guard let number = ConfigValue.integer(value, in: setting.range) else {
            return key + " '" + value + "': expected a whole number from \(setting.range.lowerBound) to \(setting.range.upperBound)"
        }
        setting.apply(&self, number)
        return nil
    }

    /// The `[tamper]` section with every key at its default, each explained by a comment.
    public static func defaultsText() -> String {
        let defaults = TamperSettings()
        var text = "[tamper]\n# watch the picture for a covered, blinded, sprayed, defocused or turned-away camera (yes or no)\n"
        text += "enabled = " + ConfigValue.flagText(defaults.enabled) + "\n"
        for setting in integerSettings {
            text += "# " + setting.help + " (\(setting.range.lowerBound) to \(setting.range.upperBound))\n"
            text += setting.key + " = \(setting.read(defaults))\n"
        }
        return text
    }

    /// The whole-number keys: the only list of them, so the section, `set` and the defaults
    /// text cannot disagree.
    static let integerSettings: [TamperSetting] = [
        TamperSetting(key: "dark_level", range: 0...127, help: "mean grey level below which the camera counts as covered; 0 turns the check off",
                      read: { $0.darkLevel }) { $0.darkLevel = $1 },
        TamperSetting(key: "bright_level", range: 128...255, help: "mean grey level above which the camera counts as blinded; 255 turns the check off",
                      read: { $0.brightLevel }) { $0.brightLevel = $1 },
        TamperSetting(key: "edge_loss_percent", range: 0...90,
                      help: "edge energy below this percentage of the learnt scene's counts as sprayed or defocused; 0 turns the check off",
                      read: { $0.edgeLossPercent }) { $0.edgeLossPercent = $1 },
        TamperSetting(key: "scene_change_percent", range: 10...100,
                      help: "more than this percentage of the picture differing from the learnt scene counts as turned away; 100 turns the check off",
                      read: { $0.sceneChangePercent }) { $0.sceneChangePercent = $1 },
        TamperSetting(key: "confirm_ms", range: 0...600_000, help: "how long a condition must last before the tamper event, in milliseconds",
                      read: { $0.confirmMilliseconds }) { $0.confirmMilliseconds = $1 },
        TamperSetting(key: "learn_ms", range: 0...600_000, help: "how long the scene is learnt after start, without events, in milliseconds",
                      read: { $0.learnMilliseconds }) { $0.learnMilliseconds = $1 },
    ]
}

/// One whole-number key of `[tamper]`: its range, what it means, and where it goes.
struct TamperSetting: Sendable {
    let key: String
    let range: ClosedRange<Int>
    let help: String
    let read: @Sendable (TamperSettings) -> Int
    let apply: @Sendable (inout TamperSettings, Int) -> Void
}
