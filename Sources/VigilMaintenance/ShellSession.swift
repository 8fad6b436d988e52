import VigilDevices

/// One line of input, or the length of one too long to keep.
public enum ShellInput: Equatable {
    case line([UInt8])
    /// A piped line over the length limit, already discarded: its length.
    case tooLong(Int)
}

/// A source of input lines that prints `prompt` first; nil at end of input or on hangup.
public protocol ShellLineSource: AnyObject {
    func nextLine(prompt: String) -> ShellInput?
}

/// The session loops around `MaintenanceShell`: interactive (a terminal or a pipe) and `-c`.
public enum ShellSession {
    /// Lines until `exit` (status 0), end of input or a hangup (the last command's status).
    public static func run<Source: ShellLineSource>(_ shell: MaintenanceShell, input: Source) -> Int32 {
        shell.write(shell.banner)
        if let refusal = shell.auditRefusal { shell.writeError(refusal) }
        shell.readConfirmation = { prompt in
            if case .line(let line) = input.nextLine(prompt: prompt) { return line }
            return nil
        }
        shell.startSession()
        defer { shell.endSession() }
        let prompt = hostName() + "> "
        var status: Int32 = 0
        while let input = input.nextLine(prompt: prompt) {
            switch input {
            case .tooLong(let count):
                shell.refuseTooLong(count)
                status = 2
            case .line(let line):
                switch shell.handle(line) {
                case .exit: return 0
                case .proceed(let lineStatus): status = lineStatus
                }
            }
        }
        return status
    }

    /// `vigil-shell -c LINE`, as sshd runs a command given on the ssh command line: the same
    /// parser, refusals and audit as a typed line, then the command's exit status.
    public static func runOne(_ shell: MaintenanceShell, line: String) -> Int32 {
        if let refusal = shell.auditRefusal { shell.writeError(refusal) }
        shell.startSession()
        defer { shell.endSession() }
        switch shell.handle(Array(line.utf8)) {
        case .exit: return 0
        case .proceed(let status): return status
        }
    }
}

/// Lines from a pipe: no echo, no editing, the prompt still printed so a transcript reads as one.
public final class PlainInput: ShellLineSource {
    private let fileDescriptor: Int32
    private var reader = PlainLineReader()
    private var queued: [PlainLineReader.Line] = []
    private var atEnd = false

    public init(fileDescriptor: Int32) { self.fileDescriptor = fileDescriptor }

    public func nextLine(prompt: String) -> ShellInput? {
        writeAll(1, Array(prompt.utf8))
        while queued.isEmpty && !atEnd {
            var chunk = [UInt8](repeating: 0, count: 4096)
            switch chunk.withUnsafeMutableBytes({ readInput(fileDescriptor, into: $0) }) {
            case .success(let count) where count > 0:
                queued += reader.feed(Array(chunk[0..<count]))
            default:
                atEnd = true
                if let last = reader.finishInput() { queued.append(last) }
            }
        }
        guard !queued.isEmpty else {
            writeAll(1, Array("\n".utf8))
            return nil
        }
        switch queued.removeFirst() {
        case .line(let line): return .line(line)
        case .tooLong(let count): return .tooLong(count)
        }
    }
}

/// Lines typed on a terminal through `LineEditor`: raw mode only while a line is read, so the
/// commands run in between see the terminal as the login left it (and Ctrl-C reaches them).
public final class TerminalInput: ShellLineSource {
    private let terminal: RawTerminal
    private var editor: LineEditor
    private var unread: [UInt8] = []

    public init(terminal: RawTerminal, completions: [String]) {
        self.terminal = terminal
        editor = LineEditor(prompt: "", completions: completions)
    }

    public func nextLine(prompt: String) -> ShellInput? {
        do throws(DeviceError) { try terminal.enterRawMode() } catch {
            writeAll(2, Array(("vigil-shell: " + error.message + "\n").utf8))
            return nil
        }
        defer { terminal.restore() }
        editor.prompt = Array(prompt.utf8)
        writeAll(1, editor.startLine())
        while true {
            if !unread.isEmpty {
                let step = editor.feedUntilLine(&unread)
                writeAll(1, step.output)
                switch step.event {
                case .submit(let line)?: return .line(line)
                case .endOfInput?: return nil
                case nil: break
                }
            }
            var chunk = [UInt8](repeating: 0, count: 256)
            switch chunk.withUnsafeMutableBytes({ readInput(terminal.fileDescriptor, into: $0) }) {
            case .success(let count) where count > 0:
                unread += chunk[0..<count]
            default:
                writeAll(1, Array("\r\n".utf8))
                return nil
            }
        }
    }
}
