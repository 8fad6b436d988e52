import CSystem
import VigilDevices
import VigilEvidence

/// Where reviewer-key passphrases come from: the first line of a file (scripts, tests), or
/// typed on the terminal without echo. Callers wipe the bytes when done.
enum Passphrase {
    static let minimumLength = 8

    /// The first line of `path`, without its line end.
    static func firstLine(of path: String) -> Result<[UInt8], KeyError> {
        var contents: [UInt8]
        do throws(DeviceError) { contents = try FileSystem.readFile(path, limit: 4096) } catch {
            return .failure(KeyError(error.message))
        }
        defer { Sodium.wipe(&contents) }
        var line = Array(contents.prefix { $0 != UInt8(ascii: "\n") })
        if line.last == UInt8(ascii: "\r") { line.removeLast() }
        guard !line.isEmpty else { return .failure(KeyError("passphrase file " + path + " has an empty first line; put the passphrase on it")) }
        return .success(line)
    }

    /// Prompts can be answered only when a person is at a terminal.
    static var canAsk: Bool { isatty(0) == 1 }

    /// Asks on the terminal with echo off; nil when standard input ends or is not a terminal.
    static func ask(_ prompt: String) -> [UInt8]? {
        var saved = termios()
        guard tcgetattr(0, &saved) == 0 else { return nil }
        var silent = saved
        silent.c_lflag &= ~tcflag_t(ECHO)
        vigil_write_stderr(prompt)
        guard tcsetattr(0, TCSAFLUSH, &silent) == 0 else { return nil }
        defer {
            _ = tcsetattr(0, TCSAFLUSH, &saved)
            vigil_write_stderr("\n")
        }
        var line: [UInt8] = []
        var byte: UInt8 = 0
        while true {
            let count = read(0, &byte, 1)
            if count < 0 && vigil_errno() == EINTR { continue }
            guard count == 1 else {
                Sodium.wipe(&line)
                return nil
            }
            if byte == UInt8(ascii: "\n") { return line }
            line.append(byte)
        }
    }
}
