import CSystem

/// How much a message matters, most severe first; the names are syslog's.
public enum LogLevel: Int, Sendable {
    case error, warning, notice, info, debug

    public var name: String {
        switch self {
        case .error: "error"
        case .warning: "warning"
        case .notice: "notice"
        case .info: "info"
        case .debug: "debug"
        }
    }

    /// The level a configuration names, such as "info".
    public init?(name: String) {
        switch name {
        case "error": self = .error
        case "warning": self = .warning
        case "notice": self = .notice
        case "info": self = .info
        case "debug": self = .debug
        default: return nil
        }
    }

    var syslogPriority: Int32 {
        switch self {
        case .error: LOG_ERR
        case .warning: LOG_WARNING
        case .notice: LOG_NOTICE
        case .info: LOG_INFO
        case .debug: LOG_DEBUG
        }
    }

    /// A line as people read it on the console: "vigil: warning: camera lost".
    func line(identifier: String, _ message: String) -> String { identifier + ": " + name + ": " + message }
}

/// Where log messages go.
public protocol LogSink: AnyObject {
    func record(_ level: LogLevel, _ message: String)
}

/// Standard error, one write(2) per whole line: unbuffered, so nothing is lost in a crash, and
/// lines from several threads never interleave.
public final class StandardErrorSink: LogSink {
    private let identifier: String

    public init(identifier: String) { self.identifier = identifier }

    public func record(_ level: LogLevel, _ message: String) {
        let line = Array((level.line(identifier: identifier, message) + "\n").utf8)
        line.withUnsafeBytes { bytes in
            var written = 0
            while written < bytes.count {
                let result = CSystem.write(STDERR_FILENO, bytes.baseAddress! + written, bytes.count - written)
                if result >= 0 {
                    written += result
                } else if vigil_errno() != EINTR {
                    return  // nowhere to report a failing stderr
                }
            }
        }
    }
}

/// The system log (/dev/log) as the daemon facility: syslog adds identifier and pid, and the
/// level is the priority, so the message goes alone.
public final class SyslogSink: LogSink {
    public init(identifier: String) { vigil_openlog_daemon(identifier) }

    public func record(_ level: LogLevel, _ message: String) { vigil_syslog(level.syslogPriority, message) }
}

/// Lines kept in memory, as standard error would show them: for tests.
public final class MemoryLogSink: LogSink {
    private let identifier: String
    public private(set) var lines: [String] = []

    public init(identifier: String = "vigil") { self.identifier = identifier }

    public func record(_ level: LogLevel, _ message: String) { lines.append(level.line(identifier: identifier, message)) }
}

/// The daemon's log: messages at `minimumLevel` or more severe go to every sink.
public final class SystemLog {
    public let minimumLevel: LogLevel
    private let sinks: [any LogSink]

    /// Standard error always; the system log too when asked and a syslog daemon listens (/dev/log);
    /// and `file`, the recent lines for the maintenance shell, when given.
    public convenience init(identifier: String = "vigil", minimumLevel: LogLevel = .info, toSyslog: Bool, file: String? = nil) {
        var sinks: [any LogSink] = [StandardErrorSink(identifier: identifier)]
        if toSyslog && FileSystem.exists("/dev/log") { sinks.append(SyslogSink(identifier: identifier)) }
        if let file { sinks.append(LogFileSink(path: file, identifier: identifier)) }
        self.init(minimumLevel: minimumLevel, sinks: sinks)
    }

    public init(minimumLevel: LogLevel, sinks: [any LogSink]) {
        self.minimumLevel = minimumLevel
        self.sinks = sinks
    }

    public func log(_ level: LogLevel, _ message: String) {
        guard level.rawValue <= minimumLevel.rawValue else { return }
        for sink in sinks { sink.record(level, message) }
    }
}
