import CSystem

/// An output file that appears under its name only when it is complete: bytes go to
/// `path.partial`, `commit` renames it into place, and a file never committed is removed when
/// this goes away. So an error halfway never leaves a truncated or half-written output behind.
public final class PartialFile {
    public let path: String
    private let partialPath: String
    private let fd: FileDescriptor
    private var committed = false

    public init(path: String) throws(DeviceError) {
        self.path = path
        partialPath = path + ".partial"
        switch FileDescriptor.open(partialPath, flags: O_WRONLY | O_CREAT | O_TRUNC, mode: 0o644) {
        case .success(let descriptor): fd = descriptor
        case .failure(let error):
            throw DeviceError("create " + partialPath, errno: error, hint: "check that the directory exists and is writable")
        }
    }

    public func write(_ bytes: [UInt8]) throws(DeviceError) {
        guard !committed else { throw DeviceError("write " + path, hint: "the file is already complete") }
        if case .failure(let error) = bytes.withUnsafeBytes({ fd.write($0) }) {
            throw DeviceError("write " + partialPath, errno: error, hint: "check the free space")
        }
    }

    /// Renames the file to `path`; nothing more can be written.
    public func commit() throws(DeviceError) {
        guard rename(partialPath, path) == 0 else {
            throw DeviceError("rename " + partialPath + " to " + path, errno: Errno(rawValue: vigil_errno()), hint: "check the directory's permissions")
        }
        committed = true
    }

    deinit {
        if !committed { _ = unlink(partialPath) }
    }
}
