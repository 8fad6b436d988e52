import VigilCore
import CSystem

/// The daemon's recent log lines in a small file (on /run, a tmpfs), for the maintenance
/// shell's `log`: the technician sees what the unit said without access to the system log.
/// At `limitBytes` the file becomes `PATH.1` (the previous `.1` goes), so two files at most.
public final class LogFileSink: LogSink {
    public let path: String
    private let identifier: String
    private let limitBytes: Int
    private var file: AppendedFile?
    private var size = 0

    public init(path: String, identifier: String = "vigil", limitBytes: Int = 64 << 10) {
        self.path = path
        self.identifier = identifier
        self.limitBytes = limitBytes
        reopen()
    }

    public func record(_ level: LogLevel, _ message: String) {
        if size >= limitBytes {
            _ = try? FileSystem.rename(path, to: path + ".1")
            reopen()
        }
        guard let file else { return }
        let stamp = utcTimestamp(milliseconds: wallClockMilliseconds())
        let line = Array((stamp + " " + level.line(identifier: identifier, message) + "\n").utf8)
        // A log that cannot be written must not stop the unit: the line still went to stderr.
        if case .success(let written) = line.withUnsafeBytes({ file.descriptor.write($0) }) { size += written }
    }

    private func reopen() {
        file = nil
        size = 0
        let directory = FileSystem.parent(of: path)
        if !FileSystem.isDirectory(directory) { _ = try? FileSystem.makeDirectory(directory, mode: 0o755) }
        switch FileDescriptor.open(path, flags: O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, mode: 0o640) {
        case .success(let fd):
            if case .success(let existing) = fd.size() { size = existing }
            file = AppendedFile(fd)
        case .failure:
            return
        }
    }
}

/// The open log file; a class so the sink can drop and replace it when it rotates.
private final class AppendedFile {
    let descriptor: FileDescriptor

    init(_ descriptor: consuming FileDescriptor) { self.descriptor = descriptor }
}
