/// What a subcommand accepts: its options and how many positional arguments it takes.
/// Help text and usage errors are derived from this one description, so they cannot drift apart.
public struct CommandSpec: Sendable {
    public let name: String
    public let summary: String
    /// Positional arguments as shown in the usage line, e.g. `["INPUT"]`.
    public let arguments: [String]
    public let minimumArguments: Int
    public let maximumArguments: Int
    public let options: [OptionSpec]
    /// Longer text shown under the usage line by `vigil <command> --help`.
    public let details: String

    public init(
        name: String, summary: String, arguments: [String] = [], minimumArguments: Int? = nil,
        maximumArguments: Int? = nil, options: [OptionSpec] = [], details: String = ""
    ) {
        self.name = name
        self.summary = summary
        self.arguments = arguments
        self.minimumArguments = minimumArguments ?? arguments.count
        self.maximumArguments = maximumArguments ?? arguments.count
        self.options = options
        self.details = details
    }

    func option(named name: String) -> OptionSpec? {
        for option in options where option.name == name { return option }
        return nil
    }

    public var usageLine: String {
        var line = "usage: vigil " + name
        for option in options {
            let shown = option.valueName.map { "--" + option.name + " " + $0 } ?? "--" + option.name
            line += option.repeatable ? " [" + shown + "]..." : " [" + shown + "]"
        }
        for argument in arguments { line += " " + argument }
        return line
    }

    public var helpText: String {
        var text = usageLine + "\n\n" + summary + "\n"
        if !details.isEmpty { text += "\n" + details + "\n" }
        if !options.isEmpty {
            text += "\noptions:\n"
            let width = options.reduce(0) { max($0, $1.label.count) }
            for option in options {
                text += "  " + padded(option.label, to: width) + "  " + option.help + "\n"
            }
        }
        return text
    }
}

/// One `--name` option: a flag when `valueName` is nil, otherwise it takes a value
/// (`--name value` or `--name=value`).
public struct OptionSpec: Sendable {
    public let name: String
    public let valueName: String?
    public let help: String
    public let repeatable: Bool
    /// A one-letter alias, `-o` for `--output`, where a convention expects one.
    public let short: Character?

    public init(_ name: String, short: Character? = nil, value valueName: String? = nil, repeatable: Bool = false, help: String) {
        self.name = name
        self.short = short
        self.valueName = valueName
        self.help = help
        self.repeatable = repeatable
    }

    var label: String { (short.map { "-" + String($0) + ", " } ?? "") + (valueName.map { "--" + name + " " + $0 } ?? "--" + name) }
}

func padded(_ text: String, to width: Int) -> String {
    var result = text
    while result.count < width { result += " " }
    return result
}
