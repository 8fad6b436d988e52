/// The result of parsing one subcommand's arguments against its `CommandSpec`.
public struct ParsedArguments: Sendable {
    public private(set) var positionals: [String] = []
    private var values: [String: [String]] = [:]
    private var flags: Set<String> = []
    /// `--help` or `-h` was given: the caller prints the help text instead of running.
    public private(set) var wantsHelp = false

    public init() {}

    public func flag(_ name: String) -> Bool { flags.contains(name) }
    public func value(_ name: String) -> String? { values[name]?.last }
    public func values(_ name: String) -> [String] { values[name] ?? [] }

    /// Parses `arguments` (everything after the subcommand name).
    public static func parse(_ arguments: ArraySlice<String>, for spec: CommandSpec) throws(UsageError) -> ParsedArguments {
        var parsed = ParsedArguments()
        var index = arguments.startIndex
        var optionsEnded = false
        while index < arguments.endIndex {
            let argument = arguments[index]
            index += 1
            if optionsEnded || argument == "-" || !argument.hasPrefix("-") {
                parsed.positionals.append(argument)
                continue
            }
            if argument == "--" { optionsEnded = true; continue }
            if argument == "--help" || argument == "-h" { parsed.wantsHelp = true; continue }
            var name: String
            if argument.hasPrefix("--") {
                name = String(argument.dropFirst(2))
            } else if argument.count == 2, let option = spec.options.first(where: { $0.short == argument.last }) {
                name = option.name
            } else {
                throw .unknownOption(command: spec.name, option: argument)
            }
            var inlineValue: String? = nil
            if let equals = name.firstIndex(of: "=") {
                inlineValue = String(name[name.index(after: equals)...])
                name = String(name[..<equals])
            }
            guard let option = spec.option(named: name) else {
                throw .unknownOption(command: spec.name, option: "--" + name)
            }
            guard option.valueName != nil else {
                if inlineValue != nil { throw .unexpectedValue(command: spec.name, option: "--" + name) }
                parsed.flags.insert(name)
                continue
            }
            let value: String
            if let inlineValue {
                value = inlineValue
            } else if index < arguments.endIndex {
                value = arguments[index]
                index += 1
            } else {
                throw .missingValue(command: spec.name, option: "--" + name)
            }
            if !option.repeatable && parsed.values[name] != nil {
                throw .repeatedOption(command: spec.name, option: "--" + name)
            }
            parsed.values[name, default: []].append(value)
        }
        if parsed.wantsHelp { return parsed }
        if parsed.positionals.count < spec.minimumArguments {
            throw .missingArgument(command: spec.name, expected: spec.arguments)
        }
        if parsed.positionals.count > spec.maximumArguments {
            throw .unexpectedArgument(command: spec.name, argument: parsed.positionals[spec.maximumArguments])
        }
        return parsed
    }

    /// A non-negative integer option, or `defaultValue` when absent.
    public func integer(_ name: String, default defaultValue: Int, in range: ClosedRange<Int>) throws(UsageError) -> Int {
        guard let text = value(name) else { return defaultValue }
        guard let number = Int(text), range.contains(number) else {
            throw .badValue(option: "--" + name, value: text,
                            expected: "a whole number from \(range.lowerBound) to \(range.upperBound)")
        }
        return number
    }
}
