import VigilEvidence

/// Why a line was not run: `message` is what the technician reads, with what to do instead.
public enum ShellRefusal: Error, Equatable, Sendable {
    case refused(String)
    case unknownCommand(String)

    public var message: String {
        switch self {
        case .refused(let reason): "vigil-shell: refused: " + reason
        case .unknownCommand(let name): "vigil-shell: unknown command '" + name + "'; type help for the commands"
        }
    }
}

/// The maintenance shell's parser: a line of at most 256 printable ASCII bytes without any
/// shell metacharacter, split on spaces, naming one command of `ShellCommands` with the
/// arguments it takes. Everything else is refused before anything runs: the shell never hands
/// text to a system shell, and this parser is the one gate for typed, piped and `-c` lines.
public enum ShellCommandLine {
    public static let maximumLength = 256

    static let metacharacters: [UInt8] = Array(";|&$`()<>\\'\"*?~{}[]!#".utf8)

    public static func parse(_ line: [UInt8]) -> Result<ShellRequest, ShellRefusal> {
        if line.count > maximumLength {
            return .failure(.refused("the line is longer than \(maximumLength) bytes; type a shorter command (type help)"))
        }
        for byte in line {
            if byte == 0x0a {
                return .failure(.refused("a line break is not allowed; give one command per line"))
            }
            if byte < 0x20 || byte == 0x7f {
                return .failure(.refused("the control character " + AuditText.hexEscape(byte) + " is not allowed; type plain text"))
            }
            if byte >= 0x80 {
                return .failure(.refused("the non-ASCII byte " + AuditText.hexEscape(byte) + " is not allowed; commands are plain ASCII"))
            }
            if metacharacters.contains(byte) {
                return .failure(.refused("'" + String(decoding: [byte], as: UTF8.self) + "' is not allowed; this shell runs only its own commands (type help)"))
            }
        }
        let words = line.split(separator: 0x20).map { String(decoding: $0, as: UTF8.self) }
        guard let name = words.first else { return .success(.empty) }
        let arguments = Array(words.dropFirst())
        for argument in arguments where isPathLike(argument) {
            return .failure(.refused("'" + argument + "': paths are not allowed; give a clip name or number as 'clips' lists them"))
        }
        guard ShellCommands.names.contains(name) else {
            return .failure(.unknownCommand(AuditText.truncated(AuditText.escaped(Array(name.utf8)), to: 40)))
        }
        return request(name, arguments)
    }

    private static func request(_ name: String, _ arguments: [String]) -> Result<ShellRequest, ShellRefusal> {
        switch name {
        case "diag":
            switch arguments {
            case []: return .success(.diag(.full))
            case ["--quick"]: return .success(.diag(.quick))
            case ["--json"]: return .success(.diag(.json))
            default: return .failure(.refused("diag takes nothing, --quick or --json; type diag"))
            }
        case "verify":
            if arguments.isEmpty { return .success(.verify(clip: nil)) }
            guard arguments.count == 1, let clip = clipName(arguments[0]) else {
                return .failure(.refused("verify takes at most one clip, as a name (clip-00000042.vclip) or a number (42); 'clips' lists them"))
            }
            return .success(.verify(clip: clip))
        case "hold":
            guard arguments.count == 1, let clip = clipName(arguments[0]) else {
                return .failure(.refused("hold takes one clip, as a name (clip-00000042.vclip) or a number (42); 'clips' lists them"))
            }
            return .success(.hold(clip: clip))
        case "log":
            if arguments.isEmpty { return .success(.log(lines: 20)) }
            guard arguments.count == 1, arguments[0].utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }), arguments[0].count <= 3,
                  let count = Int(arguments[0]), (1...500).contains(count) else {
                return .failure(.refused("log takes a number of lines from 1 to 500, e.g. log 50"))
            }
            return .success(.log(lines: count))
        case "set-time":
            guard arguments.count == 2, let seconds = UTCDateTime.epochSeconds(date: arguments[0], time: arguments[1]) else {
                return .failure(.refused("set-time takes the UTC date and time as YYYY-MM-DD HH:MM:SS (a real date, year 2020 to 2099), e.g. set-time 2026-12-02 07:10:00"))
            }
            return .success(.setTime(epochSeconds: seconds))
        default:
            guard arguments.isEmpty else { return .failure(.refused(name + " takes no arguments; type " + name)) }
            switch name {
            case "help": return .success(.help)
            case "status": return .success(.status)
            case "lamp-test": return .success(.lampTest)
            case "snapshot": return .success(.snapshot)
            case "clips": return .success(.clips)
            case "date": return .success(.date)
            case "reboot": return .success(.reboot)
            default: return .success(.exit)  // exit, logout
            }
        }
    }

    /// A '/' or a '..' anywhere: nothing the shell takes is a path.
    static func isPathLike(_ argument: String) -> Bool {
        let bytes = Array(argument.utf8)
        return bytes.contains(0x2f) || zip(bytes, bytes.dropFirst()).contains { $0 == 0x2e && $1 == 0x2e }
    }

    /// The canonical file name for `clip-00000042.vclip` or `42`; nil for anything else.
    static func clipName(_ argument: String) -> String? {
        if !argument.isEmpty, argument.count <= 19, argument.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }), let number = UInt64(argument) {
            return ClipNames.closed(number)
        }
        guard let number = ClipNames.number(in: argument),
              argument == ClipNames.closed(number) || argument == ClipNames.partial(number) else { return nil }
        return argument
    }
}
