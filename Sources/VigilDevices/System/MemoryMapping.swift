import CSystem

/// A shared memory mapping of a device buffer, unmapped when released.
public final class MemoryMapping {
    public let bytes: UnsafeMutableRawBufferPointer

    /// Maps `length` bytes of `fd` at `offset` for reading and writing.
    public init(fd: borrowing FileDescriptor, length: Int, offset: Int) throws(Errno) {
        let address = mmap(nil, length, PROT_READ | PROT_WRITE, MAP_SHARED, fd.rawValue, off_t(offset))
        guard let address, address != vigil_map_failed() else { throw Errno.current }
        bytes = UnsafeMutableRawBufferPointer(start: address, count: length)
    }

    deinit { _ = munmap(bytes.baseAddress, bytes.count) }
}
