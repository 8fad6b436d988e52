import CSystem

/// A terminal on standard input switched to raw mode for a line editor, and back. The
/// original settings are restored by `restore()`, which the owner calls on every way out;
/// SIGHUP and SIGTERM only raise `hangupRequested`, so even they leave through that path.
public final class RawTerminal {
    public let fileDescriptor: Int32
    private var original = termios()
    private var isRaw = false

    /// Nil when `fileDescriptor` is not a terminal (a pipe, a file, sshd without a pty).
    public init?(fileDescriptor: Int32) {
        guard isatty(fileDescriptor) == 1, tcgetattr(fileDescriptor, &original) == 0 else { return nil }
        self.fileDescriptor = fileDescriptor
    }

    /// The terminal device's name, e.g. /dev/ttyS0 or /dev/pts/3.
    public var name: String? { Self.name(of: fileDescriptor) }

    public static func name(of fileDescriptor: Int32) -> String? {
        guard let name = ttyname(fileDescriptor) else { return nil }
        return String(cString: name)
    }

    public func enterRawMode() throws(DeviceError) {
        var raw = original
        vigil_termios_make_raw(&raw)
        guard tcsetattr(fileDescriptor, TCSANOW, &raw) == 0 else {
            throw DeviceError("switch the terminal to raw mode", errno: .current, hint: "")
        }
        isRaw = true
    }

    /// Back to the settings found at start (cooked, echo): before a child process runs and at exit.
    public func restore() {
        guard isRaw else { return }
        _ = tcsetattr(fileDescriptor, TCSADRAIN, &original)
        isRaw = false
    }
}

/// The signals of an interactive login session: Ctrl-C, Ctrl-\ and Ctrl-Z are ignored (the
/// session must outlive them; a child process gets SIGINT and SIGQUIT back), SIGHUP (the line
/// or the SSH connection dropped) and SIGTERM end the session through its normal exit path:
/// they stay blocked except while `readInput` waits, which they then interrupt.
public enum SessionSignals {
    public static func install() {
        for signal in [SIGINT, SIGQUIT, SIGTSTP, SIGTTIN, SIGTTOU] { _ = vigil_ignore_signal(signal) }
        var ending = sigset_t()
        sigemptyset(&ending)
        for signal in [SIGHUP, SIGTERM] {
            _ = vigil_catch_signal(signal, { _ in hangupFlag = 1 })
            sigaddset(&ending, signal)
        }
        _ = pthread_sigmask(SIG_BLOCK, &ending, nil)
    }

    public static var hangupRequested: Bool { hangupFlag != 0 }
}

// Written only by the signal handler, read by the session loop between reads.
nonisolated(unsafe) private var hangupFlag: Int32 = 0

/// Reads input once it arrives; `.failure(.interrupted)` when SIGHUP or SIGTERM came first
/// (see `SessionSignals`), so the caller ends the session.
public func readInput(_ fileDescriptor: Int32, into buffer: UnsafeMutableRawBufferPointer) -> Result<Int, Errno> {
    while vigil_wait_input(fileDescriptor) < 0 {
        let error = Errno.current
        if error != .interrupted || SessionSignals.hangupRequested { return .failure(error) }
    }
    return retryingOnInterrupt { read(fileDescriptor, buffer.baseAddress, buffer.count) }
}

/// Writes all of `bytes` to a descriptor the process does not own (stdout, stderr).
public func writeAll(_ fileDescriptor: Int32, _ bytes: [UInt8]) {
    bytes.withUnsafeBytes { buffer in
        var written = 0
        while written < buffer.count {
            switch retryingOnInterrupt({ write(fileDescriptor, buffer.baseAddress! + written, buffer.count - written) }) {
            case .success(let count): written += count
            case .failure: return
            }
        }
    }
}
