import CSystem
import VigilDevices

/// Writes one clip to flash, crash-safely: append-only to `NAME.partial` (locked, so no one
/// repairs it while it is written), fsync every `syncEvery` chunks, and on close the final
/// chunk and trailer, fsync, rename to `NAME`, fsync the directory. A crash at any point
/// leaves a `.partial` whose complete chunks `TornClipRecovery` keeps.
public final class ClipFileWriter {
    public let sealer: ClipSealer
    public let partialPath: String
    public let closedPath: String
    private let fd: FileDescriptor
    private let syncEvery: Int
    private var unsynced = 0

    public init(sealer: ClipSealer, directory: String, syncEvery: Int) throws(DeviceError) {
        self.sealer = sealer
        self.syncEvery = max(1, syncEvery)
        partialPath = directory + "/" + ClipNames.partial(sealer.header.clipNumber)
        closedPath = directory + "/" + ClipNames.closed(sealer.header.clipNumber)
        fd = try FileSystem.open(partialPath, flags: O_WRONLY | O_CREAT | O_EXCL | O_APPEND, mode: 0o600)
        if case .success(false) = fd.tryLockExclusive() { throw DeviceError("lock " + partialPath, hint: "another vigil is writing it") }
        try append(sealer.headerBytes)
        try sync()
        try FileSystem.syncDirectory(containing: partialPath)
    }

    /// Seals and appends one frame record (`FrameRecord.encode`).
    public func append(record: UnsafeRawBufferPointer) throws(DeviceError) {
        try append(sealer.sealChunk(record))
        unsynced += 1
        if unsynced >= syncEvery { try sync() }
    }

    /// Ends the clip and makes it durable under its final name.
    public func close() throws(DeviceError) {
        try append(sealer.finish())
        try sync()
        try FileSystem.rename(partialPath, to: closedPath)
        try FileSystem.syncDirectory(containing: closedPath)
    }

    private func append(_ bytes: [UInt8]) throws(DeviceError) {
        if case .failure(let error) = bytes.withUnsafeBytes({ fd.write($0) }) {
            throw DeviceError("write " + partialPath, errno: error, hint: "is the flash full or failing?")
        }
    }

    private func sync() throws(DeviceError) {
        if let error = fd.sync() { throw DeviceError("fsync " + partialPath, errno: error, hint: "the flash may be failing") }
        unsynced = 0
    }
}
