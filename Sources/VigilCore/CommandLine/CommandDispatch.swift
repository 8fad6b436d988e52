/// What the top level of `vigil` should do with its arguments. Pure, so the dispatch rules
/// are tested without running any command.
public enum Invocation {
    case run(CommandSpec, ParsedArguments)
    case printHelp(String)
    case printVersion
    case usageError(UsageError)
}

public struct CommandDispatch {
    public let specs: [CommandSpec]
    public let programSummary: String

    public init(programSummary: String, specs: [CommandSpec]) {
        self.programSummary = programSummary
        self.specs = specs
    }

    public func spec(named name: String) -> CommandSpec? {
        for spec in specs where spec.name == name { return spec }
        return nil
    }

    /// `arguments` excludes the program name.
    public func resolve(_ arguments: [String]) -> Invocation {
        guard let first = arguments.first else { return .printHelp(overview) }
        switch first {
        case "--help", "-h":
            return .printHelp(overview)
        case "--version":
            return .printVersion
        case "help":
            guard arguments.count > 1 else { return .printHelp(overview) }
            guard arguments.count == 2 else { return .usageError(.unexpectedArgument(command: "help", argument: arguments[2])) }
            guard let spec = spec(named: arguments[1]) else { return .usageError(.unknownCommand(arguments[1])) }
            return .printHelp(spec.helpText)
        default:
            guard let spec = spec(named: first) else { return .usageError(.unknownCommand(first)) }
            do throws(UsageError) {
                let parsed = try ParsedArguments.parse(arguments.dropFirst(), for: spec)
                if parsed.wantsHelp { return .printHelp(spec.helpText) }
                return .run(spec, parsed)
            } catch {
                return .usageError(error)
            }
        }
    }

    public var overview: String {
        var text = programSummary + "\n\nusage: vigil <command> [options]\n       vigil --version\n\ncommands:\n"
        let width = specs.reduce(0) { max($0, $1.name.count) }
        for spec in specs { text += "  " + padded(spec.name, to: width) + "  " + spec.summary + "\n" }
        text += "\nRun 'vigil <command> --help' for a command's options.\n"
        return text
    }
}
