/// A small file other programs read whole (the daemon's state for an operator's `cat` or a
/// monitoring agent), replaced atomically at each write so a reader never sees half of one.
public struct StatusFileWriter: Sendable {
    public let path: String
    /// Whether each write survives a power cut (fsync of file and directory): wanted on flash,
    /// wasted on a tmpfs such as /run.
    public let durable: Bool

    public init(path: String, durable: Bool = false) {
        self.path = path
        self.durable = durable
    }

    /// Replaces the file's content with `text`, creating its directory (0755) if missing.
    public func write(_ text: String) throws(DeviceError) {
        let directory = FileSystem.parent(of: path)
        if !FileSystem.isDirectory(directory) { try FileSystem.makeDirectory(directory, mode: 0o755) }
        try FileSystem.writeAtomically(path, Array(text.utf8), durable: durable)
    }
}
