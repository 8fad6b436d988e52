/// One `key = value` line of a configuration file, with where it came from.
public struct ConfigLine: Equatable, Sendable {
    /// Counted from 1, as editors show it.
    public let number: Int
    public let section: String
    public let key: String
    public let value: String

    public init(number: Int, section: String, key: String, value: String) {
        self.number = number
        self.section = section
        self.key = key
        self.value = value
    }
}

/// A line of a configuration file that is wrong, and why: `message` is what the technician reads.
public struct ConfigError: Error, Equatable, Sendable {
    public let line: Int
    public let reason: String

    public init(line: Int, reason: String) {
        self.line = line
        self.reason = reason
    }

    public var message: String { "line \(line): " + reason }
}

/// A parsed configuration file: its well-formed lines in file order, and every line that was
/// not. Lines that are wrong are left out of `lines`; the rest can still be applied and checked,
/// so one pass finds all the mistakes.
public struct ConfigFile: Sendable {
    public let lines: [ConfigLine]
    public let errors: [ConfigError]

    public init(lines: [ConfigLine], errors: [ConfigError]) {
        self.lines = lines
        self.errors = errors
    }

    /// The lines of one section, in file order.
    public func lines(in section: String) -> [ConfigLine] { lines.filter { $0.section == section } }
}
