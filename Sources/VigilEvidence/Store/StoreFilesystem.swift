import VigilDevices

/// What the store asks of the filesystem beyond reading and writing: its size (for the share
/// quota) and room claimed ahead of a write (so a clip can always be closed, and a deletion
/// logged). Tests give a filesystem of any size, or one that fills up, without mounting one.
public struct StoreFilesystem {
    /// The total size in bytes of the filesystem holding a path.
    public let capacity: (String) throws(DeviceError) -> Int
    /// Claims room for `length` bytes from `offset` in an open file; the error when there is none.
    public let reserve: (borrowing FileDescriptor, _ offset: Int, _ length: Int) -> Errno?

    public init(capacity: @escaping (String) throws(DeviceError) -> Int,
                reserve: @escaping (borrowing FileDescriptor, _ offset: Int, _ length: Int) -> Errno?) {
        self.capacity = capacity
        self.reserve = reserve
    }

    /// The real one, through statvfs and fallocate.
    public static var system: StoreFilesystem {
        StoreFilesystem(capacity: { (path: String) throws(DeviceError) -> Int in try FileSystem.filesystemBytes(path) },
                        reserve: { fd, offset, length in fd.reserve(offset: offset, length: length) })
    }
}
