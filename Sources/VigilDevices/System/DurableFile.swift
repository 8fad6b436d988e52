import CSystem

/// What writing evidence to flash needs beyond read and write: durability (`fsync`), cutting a
/// torn tail, an exclusive lock that says "a writer has this file open", and its size.
extension FileDescriptor {
    public func sync() -> Errno? {
        let fd = rawValue
        if case .failure(let error) = retryingOnInterrupt({ fsync(fd) }) { return error }
        return nil
    }

    public func truncate(to length: Int) -> Errno? {
        let fd = rawValue
        if case .failure(let error) = retryingOnInterrupt({ ftruncate(fd, off_t(length)) }) { return error }
        return nil
    }

    /// Claims `length` bytes of the filesystem from `offset` on without changing the file's
    /// size (fallocate KEEP_SIZE): later writes there cannot fail for lack of space.
    public func reserve(offset: Int, length: Int) -> Errno? {
        let fd = rawValue
        if case .failure(let error) = retryingOnInterrupt({ vigil_reserve_beyond_end(fd, Int64(offset), Int64(length)) }) { return error }
        return nil
    }

    /// Takes the exclusive advisory lock without waiting; false when another process holds it.
    public func tryLockExclusive() -> Result<Bool, Errno> {
        let fd = rawValue
        switch retryingOnInterrupt({ flock(fd, LOCK_EX | LOCK_NB) }) {
        case .success: return .success(true)
        case .failure(let error): return error == .wouldBlock ? .success(false) : .failure(error)
        }
    }

    public func size() -> Result<Int, Errno> {
        var status = stat()
        let fd = rawValue
        switch retryingOnInterrupt({ fstat(fd, &status) }) {
        case .success: return .success(Int(status.st_size))
        case .failure(let error): return .failure(error)
        }
    }

    /// Writes all of `bytes` at `offset` (`pwrite`), whatever the file position.
    public func write(_ bytes: UnsafeRawBufferPointer, at offset: Int) -> Result<Int, Errno> {
        var written = 0
        while written < bytes.count {
            let fd = rawValue
            switch retryingOnInterrupt({ pwrite(fd, bytes.baseAddress! + written, bytes.count - written, off_t(offset + written)) }) {
            case .success(let count): written += count
            case .failure(let error): return .failure(error)
            }
        }
        return .success(written)
    }

    /// Reads until `buffer` is full or the file ends; returns the bytes read.
    public func readFully(into buffer: UnsafeMutableRawBufferPointer) -> Result<Int, Errno> {
        var total = 0
        while total < buffer.count {
            switch read(into: UnsafeMutableRawBufferPointer(rebasing: buffer[total...])) {
            case .success(0): return .success(total)
            case .success(let count): total += count
            case .failure(let error): return .failure(error)
            }
        }
        return .success(total)
    }
}
