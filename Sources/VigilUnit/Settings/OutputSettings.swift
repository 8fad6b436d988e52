import VigilCore

/// The `[outputs]` section of the configuration file: which GPIO line plays each role, found
/// by its name (device-tree `gpio-line-names`), and which lines are wired active-low.
public struct OutputSettings: Equatable, Sendable {
    /// Indexed by `LineRole.rawValue`; nil leaves the role out (no such lamp on this unit).
    private var names: [String?] = LineRole.allCases.map { "vigil-" + $0.name }
    private var activeLow: [Bool] = LineRole.allCases.map { _ in false }

    /// The kernel's limit for a line name (GPIO_MAX_NAME_SIZE), less its terminating zero.
    public static let maximumNameLength = 31
    public static let configSection = ConfigSection(name: "outputs", keys: LineRole.allCases.map { $0.key } + ["active_low"])

    public init() {}

    /// The name of the GPIO line that plays `role`, or nil when the unit has none.
    public func lineName(_ role: LineRole) -> String? { names[role.rawValue] }

    /// Whether `role`'s line is wired active-low: driven low to light, read low when closed.
    public func isActiveLow(_ role: LineRole) -> Bool { activeLow[role.rawValue] }

    /// `active_low` as the file writes it.
    public var activeLowText: String {
        let roles = LineRole.allCases.filter { isActiveLow($0) }.map { $0.name }
        return roles.isEmpty ? "none" : roles.joined(separator: ",")
    }

    /// Applies the `[outputs]` lines of `file` and returns the ones refused, each with why.
    /// Two roles on one line are refused once every line is read, so the order of the lines
    /// does not matter (swapping two lines' roles is fine).
    public mutating func apply(_ file: ConfigFile) -> [ConfigError] {
        var errors: [ConfigError] = []
        var setOnLine = LineRole.allCases.map { _ in 0 }
        for line in file.lines(in: OutputSettings.configSection.name) {
            if let reason = set(line.key, line.value) {
                errors.append(ConfigError(line: line.number, reason: reason))
            } else if let role = LineRole.allCases.first(where: { $0.key == line.key }) {
                setOnLine[role.rawValue] = line.number
            }
        }
        for second in LineRole.allCases {
            guard let name = names[second.rawValue],
                  let first = LineRole.allCases.first(where: { $0.rawValue < second.rawValue && names[$0.rawValue] == name })
            else { continue }
            errors.append(ConfigError(line: max(setOnLine[first.rawValue], setOnLine[second.rawValue]),
                                      reason: "'" + name + "' is both the " + first.key + " and the " + second.key + "; each role needs its own GPIO line"))
        }
        return errors
    }

    /// Sets one key; returns why the value was refused, or nil.
    public mutating func set(_ key: String, _ value: String) -> String? {
        if key == "active_low" {
            var roles = LineRole.allCases.map { _ in false }
            if value != "none" {
                for word in value.split(separator: ",", omittingEmptySubsequences: false) {
                    guard let role = LineRole.named(String(word)) else {
                        return "unknown role '" + String(word) + "' in active_low (known: " + commaSeparated(LineRole.allCases.map { $0.name }) + "), or none"
                    }
                    roles[role.rawValue] = true
                }
            }
            activeLow = roles
            return nil
        }
        guard let role = LineRole.allCases.first(where: { $0.key == key }) else {
            return "unknown key '" + key + "' in [outputs] (known: " + commaSeparated(OutputSettings.configSection.keys) + ")"
        }
        guard value == "none" || ConfigValue.isWord(value, maximumLength: OutputSettings.maximumNameLength) else {
            return key + " '" + value + "': expected a GPIO line name (1 to \(OutputSettings.maximumNameLength) characters, no spaces; gpioinfo lists them) or none"
        }
        names[role.rawValue] = value == "none" ? nil : value
        return nil
    }

    /// The `[outputs]` section with every key at its default, each explained by a comment.
    public static func defaultsText() -> String {
        let defaults = OutputSettings()
        var text = "[outputs]\n"
        text += "# GPIO lines by name (gpioinfo lists them), or none when the unit has no such line\n"
        for role in LineRole.allCases {
            text += "# " + role.help + "\n"
            text += role.key + " = " + (defaults.lineName(role) ?? "none") + "\n"
        }
        text += "# the roles whose line is wired active-low (low = lit, or low = switch closed), comma-separated: any of "
            + commaSeparated(LineRole.allCases.map { $0.name }) + ", or none\n"
        text += "active_low = " + defaults.activeLowText + "\n"
        return text
    }
}

private extension LineRole {
    var help: String {
        switch self {
        case .sign: "output: the surveillance sign, lit whenever the unit is watching"
        case .recording: "output: the recording lamp, lit while a clip is written"
        case .alarm: "output: the alarm that notifies the staff"
        case .status: "output: the status LED (heartbeat, camera lost, fault)"
        case .tamper: "input: a tamper switch or door contact; when it trips, a tamper event"
        }
    }
}
