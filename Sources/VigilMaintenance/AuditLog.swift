import CSystem
import VigilDevices

/// The maintenance shell's audit log: one line per entry, appended with a single write to a
/// file opened O_APPEND (concurrent sessions never interleave within a line) and fsynced, so a
/// power cut right after a command cannot lose the record of it.
public final class AuditLog {
    public let path: String
    private let fd: FileDescriptor

    public init(path: String) throws(DeviceError) {
        self.path = path
        fd = try FileSystem.open(path, flags: O_WRONLY | O_APPEND | O_CREAT, mode: 0o640)
    }

    public func append(_ entry: AuditEntry) throws(DeviceError) {
        let bytes = Array(entry.text.utf8)
        if case .failure(let error) = bytes.withUnsafeBytes({ fd.write($0) }) {
            throw DeviceError("write", errno: error, hint: "")
        }
        if let error = fd.sync() { throw DeviceError("fsync", errno: error, hint: "") }
    }
}
