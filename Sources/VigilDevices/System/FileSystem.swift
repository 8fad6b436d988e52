import CSystem

/// Directory-level operations, each phrased as a `DeviceError` for the person who has to act.
public enum FileSystem {
    /// Reads a whole file of at most `limit` bytes with one allocation.
    public static func readFile(_ path: String, limit: Int) throws(DeviceError) -> [UInt8] {
        let fd = try open(path, flags: O_RDONLY)
        let size: Int
        switch fd.size() {
        case .success(let value): size = value
        case .failure(let error): throw DeviceError("stat " + path, errno: error, hint: "")
        }
        guard size <= limit else { throw DeviceError("read " + path, hint: "it is larger than \(limit) bytes; is this the right file?") }
        var bytes = [UInt8](repeating: 0, count: size)
        let result = bytes.withUnsafeMutableBytes { fd.readFully(into: $0) }
        switch result {
        case .success(let count): return count == size ? bytes : Array(bytes[0..<count])
        case .failure(let error): throw DeviceError("read " + path, errno: error, hint: "")
        }
    }

    /// The first `count` bytes of a file (fewer if it is shorter).
    public static func readPrefix(_ path: String, count: Int) throws(DeviceError) -> [UInt8] {
        let fd = try open(path, flags: O_RDONLY)
        var bytes = [UInt8](repeating: 0, count: count)
        switch bytes.withUnsafeMutableBytes({ fd.readFully(into: $0) }) {
        case .success(let read): return Array(bytes[0..<read])
        case .failure(let error): throw DeviceError("read " + path, errno: error, hint: "")
        }
    }

    public static func open(_ path: String, flags: Int32, mode: UInt32 = 0) throws(DeviceError) -> FileDescriptor {
        switch FileDescriptor.open(path, flags: flags, mode: mode) {
        case .success(let fd): return fd
        case .failure(let error):
            throw DeviceError("open " + path, errno: error, hint: error == .noSuchFile ? "check the path" : writeHint(error, else: "check the permissions"))
        }
    }

    /// A read-only filesystem is a mount option, not a permission: say so.
    private static func writeHint(_ error: Errno, else otherwise: String) -> String {
        error == Errno(rawValue: EROFS) ? "the filesystem is mounted read-only; use a writable one (/run, the data partition)" : otherwise
    }

    /// Replaces the file at `path` with `bytes` atomically: they go to `path.tmp`, which is
    /// renamed over `path`, so a reader sees the old file or the whole new one, never a part.
    /// `durable` also fsyncs the file before the rename and the directory after it, so a power
    /// cut cannot undo the replacement (flash); a file on a tmpfs such as /run does not need it.
    /// On failure the temporary file is removed.
    public static func writeAtomically(_ path: String, _ bytes: [UInt8], mode: UInt32 = 0o644, durable: Bool = true) throws(DeviceError) {
        let temporary = path + ".tmp"
        do throws(DeviceError) {
            let fd = try open(temporary, flags: O_WRONLY | O_CREAT | O_TRUNC, mode: mode)
            if case .failure(let error) = bytes.withUnsafeBytes({ fd.write($0) }) {
                throw DeviceError("write " + temporary, errno: error, hint: "is the disk full?")
            }
            if durable, let error = fd.sync() { throw DeviceError("fsync " + temporary, errno: error, hint: "") }
            try rename(temporary, to: path)
        } catch {
            _ = unlink(temporary)
            throw error
        }
        if durable { try syncDirectory(containing: path) }
    }

    public static func rename(_ from: String, to: String) throws(DeviceError) {
        if CSystem.rename(from, to) != 0 { throw DeviceError("rename " + from + " to " + to, errno: .current, hint: "") }
    }

    public static func remove(_ path: String) throws(DeviceError) {
        if unlink(path) != 0 { throw DeviceError("remove " + path, errno: .current, hint: "") }
    }

    public static func exists(_ path: String) -> Bool { access(path, F_OK) == 0 }

    /// Makes `directory` (one level) if it is missing.
    public static func makeDirectory(_ directory: String, mode: UInt32 = 0o700) throws(DeviceError) {
        guard mkdir(directory, mode_t(mode)) != 0 else { return }
        let error = Errno.current
        if error != Errno(rawValue: EEXIST) {
            throw DeviceError("create directory " + directory, errno: error, hint: writeHint(error, else: "check the parent directory's permissions"))
        }
    }

    /// A rename or a new file is durable only once its directory entry is: fsync the directory.
    public static func syncDirectory(containing path: String) throws(DeviceError) {
        let directory = parent(of: path)
        let fd = try open(directory, flags: O_RDONLY | O_DIRECTORY)
        if let error = fd.sync() { throw DeviceError("fsync directory " + directory, errno: error, hint: "") }
    }

    public static func parent(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        return slash == path.startIndex ? "/" : String(path[..<slash])
    }

    /// The size of the file at `path` in bytes.
    public static func size(_ path: String) throws(DeviceError) -> Int {
        var status = stat()
        guard stat(path, &status) == 0 else { throw DeviceError("stat " + path, errno: .current, hint: "") }
        return Int(status.st_size)
    }

    /// The permission bits of the file at `path` (0o600 ...), nil when it cannot be looked at.
    public static func permissions(_ path: String) -> Int? {
        var status = stat()
        guard stat(path, &status) == 0 else { return nil }
        return Int(status.st_mode & 0o7777)
    }

    /// When the file at `path` was last written, in milliseconds since 1970; nil when it cannot be looked at.
    public static func modifiedEpochMilliseconds(_ path: String) -> Int64? {
        var status = stat()
        guard stat(path, &status) == 0 else { return nil }
        return Int64(status.st_mtim.tv_sec) * 1000 + Int64(status.st_mtim.tv_nsec) / 1_000_000
    }

    /// The total size of the filesystem that holds `path`.
    public static func filesystemBytes(_ path: String) throws(DeviceError) -> Int {
        var status = statvfs()
        guard statvfs(path, &status) == 0 else { throw DeviceError("statvfs " + path, errno: .current, hint: "") }
        return Int(status.f_blocks) * Int(status.f_frsize)
    }

    /// The bytes of the filesystem holding `path` that an unprivileged writer can still use.
    public static func availableBytes(_ path: String) throws(DeviceError) -> Int {
        var status = statvfs()
        guard statvfs(path, &status) == 0 else { throw DeviceError("statvfs " + path, errno: .current, hint: "") }
        return Int(status.f_bavail) * Int(status.f_frsize)
    }

    public static func isDirectory(_ path: String) -> Bool {
        var status = stat()
        return stat(path, &status) == 0 && (status.st_mode & UInt32(S_IFMT)) == UInt32(S_IFDIR)
    }

    /// The names in `directory` (without "." and ".."), sorted.
    public static func list(_ directory: String) throws(DeviceError) -> [String] {
        guard let handle = opendir(directory) else {
            throw DeviceError("list " + directory, errno: .current, hint: "check the path")
        }
        defer { closedir(handle) }
        var names: [String] = []
        while let entry = readdir(handle) {
            let name = String(cString: vigil_dirent_name(entry))
            if name != "." && name != ".." { names.append(name) }
        }
        return names.sorted()
    }
}
