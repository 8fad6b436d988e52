import CSystem
import VigilCore

/// A file or standard input as a `ByteSource`.
public final class FileByteSource: ByteSource {
    private let fd: FileDescriptor
    public let name: String

    /// Opens `path` for reading; `-` is standard input.
    public init(path: String) throws(DeviceError) {
        name = path == "-" ? "standard input" : path
        switch path == "-" ? FileDescriptor.duplicate(STDIN_FILENO) : FileDescriptor.open(path, flags: O_RDONLY) {
        case .success(let descriptor): fd = descriptor
        case .failure(let error):
            throw DeviceError("open " + name, errno: error, hint: error == .noSuchFile ? "check the path" : "check the file's permissions")
        }
    }

    public func read(into buffer: UnsafeMutableRawBufferPointer) -> Result<Int, ByteSourceError> {
        switch fd.read(into: buffer) {
        case .success(let count): return .success(count)
        case .failure(let error): return .failure(ByteSourceError(name + ": " + error.description))
        }
    }
}
