import CSystem

/// The signals a daemon acts on.
public enum UnixSignal: Equatable, Sendable {
    /// SIGTERM: stop cleanly (init, `kill`).
    case terminate
    /// SIGINT: stop cleanly (Ctrl-C on the console).
    case interrupt
    /// SIGHUP: read the configuration again.
    case hangup

    static let watched: [UnixSignal] = [.terminate, .interrupt, .hangup]

    public var name: String {
        switch self {
        case .terminate: "SIGTERM"
        case .interrupt: "SIGINT"
        case .hangup: "SIGHUP"
        }
    }

    var number: Int32 {
        switch self {
        case .terminate: SIGTERM
        case .interrupt: SIGINT
        case .hangup: SIGHUP
        }
    }
}

/// SIGTERM, SIGINT and SIGHUP as data instead of handlers: they are blocked and queued on a
/// signalfd, and the main loop reads them when it is ready, so no code runs at an arbitrary
/// point between two instructions.
///
/// The mask is per thread and threads inherit it: create the watch on the main thread before
/// any other thread starts, or a thread that does not block the signals takes them and dies.
/// The signals stay blocked in that thread after the watch goes away.
public final class SignalWatch {
    private let fd: FileDescriptor

    public init() throws(DeviceError) {
        var signals = sigset_t()
        sigemptyset(&signals)
        for signal in UnixSignal.watched { sigaddset(&signals, signal.number) }
        // pthread_sigmask returns its error number rather than setting errno.
        let failure = pthread_sigmask(SIG_BLOCK, &signals, nil)
        guard failure == 0 else {
            throw DeviceError("block SIGTERM, SIGINT and SIGHUP", errno: Errno(rawValue: failure), hint: "")
        }
        let raw = signalfd(-1, &signals, Int32(SFD_NONBLOCK | SFD_CLOEXEC))
        guard raw >= 0 else {
            let error = Errno.current
            throw DeviceError("signalfd", errno: error, hint: "the kernel lacks signalfd (CONFIG_SIGNALFD)")
        }
        fd = FileDescriptor(adopting: raw)
    }

    /// For a loop that polls several descriptors: readable when a signal is queued.
    public var fileDescriptor: Int32 { fd.rawValue }

    /// The signals queued since the last call, without waiting. A signal sent several times
    /// before it is read comes once: the kernel does not queue repeats of these signals.
    public func pending() -> [UnixSignal] {
        var signals: [UnixSignal] = []
        var info = signalfd_siginfo()
        // Ends when the queue is empty (EAGAIN).
        while case .success(let count) = withUnsafeMutableBytes(of: &info, { fd.read(into: $0) }),
              count == MemoryLayout<signalfd_siginfo>.size {
            if let signal = UnixSignal.watched.first(where: { $0.number == Int32(info.ssi_signo) }) {
                signals.append(signal)
            }
        }
        return signals
    }

    /// Sleeps up to `milliseconds`, returning early (true) when a signal is queued; what it
    /// was is then read with `pending`. A pause between camera retries uses it to stay
    /// responsive to SIGTERM.
    public func wait(milliseconds: Int) -> Bool {
        if case .success(true) = fd.waitReadable(timeoutMilliseconds: Int32(clamping: milliseconds)) { return true }
        return false
    }
}
