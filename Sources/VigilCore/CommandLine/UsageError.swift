/// A mistake in how vigil was called. The program prints `message` (which names the command)
/// on stderr and exits with status 2.
public enum UsageError: Error, Equatable {
    case unknownCommand(String)
    case unknownOption(command: String, option: String)
    case missingValue(command: String, option: String)
    case unexpectedValue(command: String, option: String)
    case repeatedOption(command: String, option: String)
    case missingArgument(command: String, expected: [String])
    case unexpectedArgument(command: String, argument: String)
    case badValue(option: String, value: String, expected: String)
    /// A value the command's own rules refused; `message` says what is wrong and what is allowed.
    case refused(command: String, message: String)

    public static let exitStatus: Int32 = 2

    public var message: String {
        switch self {
        case .unknownCommand(let name):
            return "vigil: unknown command '" + name + "'; 'vigil help' lists the commands"
        case .unknownOption(let command, let option):
            return "vigil " + command + ": unknown option '" + option + "'; see 'vigil " + command + " --help'"
        case .missingValue(let command, let option):
            return "vigil " + command + ": option " + option + " needs a value"
        case .unexpectedValue(let command, let option):
            return "vigil " + command + ": option " + option + " takes no value"
        case .repeatedOption(let command, let option):
            return "vigil " + command + ": option " + option + " given more than once"
        case .missingArgument(let command, let expected):
            var names = ""
            for name in expected { names += names.isEmpty ? name : " " + name }
            return "vigil " + command + ": missing argument (expected " + names + "); see 'vigil " + command + " --help'"
        case .unexpectedArgument(let command, let argument):
            return "vigil " + command + ": unexpected argument '" + argument + "'; see 'vigil " + command + " --help'"
        case .badValue(let option, let value, let expected):
            return "vigil: bad value '" + value + "' for " + option + ": expected " + expected
        case .refused(let command, let message):
            return "vigil " + command + ": " + message
        }
    }
}
