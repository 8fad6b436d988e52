import Foundation
import Glibc
import Testing

/// `vigil shell` on a terminal (a pseudo-terminal here): raw-mode line editing with tab
/// completion and history, and the terminal's settings back as they were at exit.
@Suite struct ShellTerminalTests {
    /// The controlling side of a pseudo-terminal and the terminal device the shell gets.
    private final class PseudoTerminal {
        let master: Int32
        let terminal: FileHandle
        private var received: [UInt8] = []

        init() throws {
            master = try PseudoTerminal.function("posix_openpt", as: (@convention(c) (Int32) -> Int32).self)(O_RDWR | O_NOCTTY)
            let grant = try PseudoTerminal.function("grantpt", as: (@convention(c) (Int32) -> Int32).self)
            let unlock = try PseudoTerminal.function("unlockpt", as: (@convention(c) (Int32) -> Int32).self)
            try #require(master >= 0 && grant(master) == 0 && unlock(master) == 0, "no pseudo-terminal: \(errno)")
            let ptsname = try PseudoTerminal.function("ptsname", as: (@convention(c) (Int32) -> UnsafeMutablePointer<CChar>?).self)
            let name = String(cString: try #require(ptsname(master)))
            let fd = open(name, O_RDWR | O_NOCTTY)
            try #require(fd >= 0, "open \(name)")
            terminal = FileHandle(fileDescriptor: fd, closeOnDealloc: true)
        }

        deinit { close(master) }

        /// The pty functions from libc: the Glibc module hides them behind _XOPEN_SOURCE.
        private static func function<Function>(_ name: String, as type: Function.Type) throws -> Function {
            unsafeBitCast(try #require(dlsym(nil, name), "libc has no \(name)"), to: type)
        }

        func type(_ text: String) {
            let bytes = Array(text.utf8)
            _ = bytes.withUnsafeBytes { write(master, $0.baseAddress, $0.count) }
        }

        /// Everything the shell wrote up to and including `expected`; the deadline only keeps a
        /// broken shell from hanging the test run.
        func read(until expected: String) throws -> String {
            let deadline = Date().addingTimeInterval(30)
            while Date() < deadline {
                let text = String(decoding: received, as: UTF8.self)
                if let range = text.range(of: expected) {
                    received = Array(text[range.upperBound...].utf8)
                    return String(text[..<range.upperBound])
                }
                var request = pollfd(fd: master, events: Int16(POLLIN), revents: 0)
                guard poll(&request, 1, 200) > 0 else { continue }
                var chunk = [UInt8](repeating: 0, count: 4096)
                let count = Glibc.read(master, &chunk, chunk.count)
                if count <= 0 { break }
                received += chunk[0..<count]
            }
            Issue.record("no '\(expected)' from the shell; it wrote: \(String(decoding: received, as: UTF8.self).debugDescription)")
            throw CancellationError()
        }
    }

    /// `vigil shell` started on a fresh pseudo-terminal, its audit log in a scratch directory;
    /// `before` is the terminal's mode before the shell touched it.
    private struct ShellOnTerminal {
        let scratch: ScratchDirectory
        let pty: PseudoTerminal
        let process: Process
        let audit: String
        let before: termios

        init() throws {
            scratch = try ScratchDirectory()
            audit = scratch.url.path + "/audit.log"
            let configuration = try scratch.file("vigil.conf", Data("[unit]\naudit_log = \(audit)\nlog_file = none\n".utf8))
            pty = try PseudoTerminal()
            var mode = termios()
            tcgetattr(pty.terminal.fileDescriptor, &mode)
            before = mode
            process = Process()
            process.executableURL = try VigilProcess.executable()
            process.arguments = ["shell", "--config", configuration]
            process.standardInput = pty.terminal
            process.standardOutput = pty.terminal
            process.standardError = pty.terminal
            try process.run()
        }
    }

    @Test func tabCompletionAndHistoryWorkOnATerminal() throws {
        let session = try ShellOnTerminal()
        defer { withExtendedLifetime(session) {} }  // its scratch directory holds the audit log
        let pty = session.pty, process = session.process, audit = session.audit, before = session.before

        let prompt = try pty.read(until: "> ")
        let promptText = String(decoding: Array(prompt.utf8).split(separator: 0x0a).last ?? [], as: UTF8.self)
        pty.type("he\t")
        _ = try pty.read(until: "help \u{1b}[K")
        pty.type("\r")
        _ = try pty.read(until: "  logout")
        _ = try pty.read(until: promptText)
        pty.type("lo\t")
        _ = try pty.read(until: "\r\nlog  logout\r\n" + promptText + "lo\u{1b}[K")
        pty.type("\u{15}\u{1b}[A")
        _ = try pty.read(until: "help \u{1b}[K")
        pty.type("\u{1b}[D\u{7f}\u{1b}[F\r")
        _ = try pty.read(until: "vigil-shell: unknown command 'hel'")
        pty.type("exit\r")
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)

        var after = termios()
        tcgetattr(pty.terminal.fileDescriptor, &after)
        #expect(after.c_lflag == before.c_lflag && after.c_iflag == before.c_iflag, "the terminal is back in its original mode")
        let lines = try String(contentsOfFile: audit, encoding: .utf8).split(separator: "\n").map(String.init)
        let typed = lines.map { line in String(line[line.range(of: " \"")!.upperBound...]) }
        #expect(typed == ["(session start)\" -> ok", "help \" -> ok", "hel \" -> unknown", "exit\" -> ok", "(session end)\" -> ok"], "\(lines)")
        #expect(lines.allSatisfy { $0.contains(" tty=/dev/pts/") }, "the terminal is named")
    }

    @Test func keyboardSignalsAreIgnoredAndAHangupEndsTheSessionCleanly() throws {
        let session = try ShellOnTerminal()
        defer { withExtendedLifetime(session) {} }  // its scratch directory holds the audit log
        let pty = session.pty, process = session.process, audit = session.audit, before = session.before
        _ = try pty.read(until: "> ")
        for signal in [SIGINT, SIGQUIT, SIGTSTP] { kill(process.processIdentifier, signal) }
        pty.type("help\r")
        _ = try pty.read(until: "  logout")
        _ = try pty.read(until: "> ")
        kill(process.processIdentifier, SIGHUP)
        let deadline = Date().addingTimeInterval(30)  // only so that a shell ignoring SIGHUP cannot hang the run
        while process.isRunning && Date() < deadline { usleep(20_000) }
        if process.isRunning {
            kill(process.processIdentifier, SIGKILL)
            Issue.record("the shell outlived SIGHUP")
        }
        process.waitUntilExit()
        #expect(process.terminationReason == .exit, "SIGHUP ends the session through its exit path, not by killing it")
        var after = termios()
        tcgetattr(pty.terminal.fileDescriptor, &after)
        #expect(after.c_lflag == before.c_lflag && after.c_iflag == before.c_iflag, "the terminal is back in its original mode")
        let lines = try String(contentsOfFile: audit, encoding: .utf8).split(separator: "\n").map(String.init)
        #expect(lines.count == 3 && lines[1].hasSuffix("\"help\" -> ok") && lines[2].hasSuffix("\"(session end)\" -> ok"), "\(lines)")
    }
}
