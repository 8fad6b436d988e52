import CSystem

/// An open file descriptor, owned: it is closed exactly once, when the value goes away.
public struct FileDescriptor: ~Copyable {
    public let rawValue: Int32

    public static func open(_ path: String, flags: Int32, mode: UInt32 = 0) -> Result<FileDescriptor, Errno> {
        switch retryingOnInterrupt({ vigil_open(path, flags | O_CLOEXEC, mode) }) {
        case .success(let fd): return .success(FileDescriptor(adopting: fd))
        case .failure(let error): return .failure(error)
        }
    }

    /// Takes ownership of a descriptor a system call returned (signalfd).
    public init(adopting rawValue: Int32) { self.rawValue = rawValue }

    /// A descriptor of our own for an inherited one (standard input), so ownership stays uniform.
    public static func duplicate(_ inherited: Int32) -> Result<FileDescriptor, Errno> {
        switch retryingOnInterrupt({ vigil_dup_cloexec(inherited) }) {
        case .success(let fd): return .success(FileDescriptor(adopting: fd))
        case .failure(let error): return .failure(error)
        }
    }

    /// `ioctl(2)` with an argument struct passed by reference, as every V4L2 request does.
    public func control<Argument>(_ request: UInt, _ argument: inout Argument) -> Errno? {
        let fd = rawValue
        let result = withUnsafeMutablePointer(to: &argument) { pointer in
            retryingOnInterrupt { vigil_ioctl(fd, request, UnsafeMutableRawPointer(pointer)) }
        }
        if case .failure(let error) = result { return error }
        return nil
    }

    /// Waits until the descriptor is readable. Returns false on timeout.
    public func waitReadable(timeoutMilliseconds: Int32) -> Result<Bool, Errno> {
        var request = pollfd(fd: rawValue, events: Int16(POLLIN), revents: 0)
        switch retryingOnInterrupt({ poll(&request, 1, timeoutMilliseconds) }) {
        case .success(let ready): return .success(ready > 0)
        case .failure(let error): return .failure(error)
        }
    }

    public func write(_ bytes: UnsafeRawBufferPointer) -> Result<Int, Errno> {
        var written = 0
        while written < bytes.count {
            let fd = rawValue
            switch retryingOnInterrupt({ CSystem.write(fd, bytes.baseAddress! + written, bytes.count - written) }) {
            case .success(let count): written += count
            case .failure(let error): return .failure(error)
            }
        }
        return .success(written)
    }

    public func read(into buffer: UnsafeMutableRawBufferPointer) -> Result<Int, Errno> {
        let fd = rawValue
        return retryingOnInterrupt { CSystem.read(fd, buffer.baseAddress, buffer.count) }
    }

    deinit { _ = close(rawValue) }
}
