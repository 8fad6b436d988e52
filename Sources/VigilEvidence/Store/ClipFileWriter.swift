import CSystem
import VigilDevices

/// Writes one clip to flash, crash-safely: append-only to `NAME.partial` (locked, so no one
/// repairs it while it is written), fsync every `syncEvery` chunks, and on close the final
/// chunk and trailer, fsync, rename to `NAME`, fsync the directory. A crash at any point
/// leaves a `.partial` whose complete chunks `TornClipRecovery` keeps.
///
/// A full filesystem: before a chunk is sealed, room for it and for the clip's closing bytes
/// is claimed from the filesystem; when there is none, the caller's `makeRoom` is asked to free
/// some (the store deletes its oldest clip) and the claim is tried again. When nothing more can
/// be freed, nothing of the chunk is written and the clip can still be closed in the room
/// claimed before. Where the filesystem cannot claim room ahead, a failed write is cut off
/// again, and a clip that then cannot be closed is left as a `.partial` of complete chunks for
/// recovery.
public final class ClipFileWriter {
    public let sealer: ClipSealer
    public let partialPath: String
    public let closedPath: String
    private let fd: FileDescriptor
    private let syncEvery: Int
    private let filesystem: StoreFilesystem
    private var unsynced = 0
    /// Bytes in the file, all of them complete chunks (or the header).
    private var size = 0
    /// Cleared when the filesystem cannot claim room ahead (no fallocate there).
    private var claimsRoom = true
    /// False once a write failed after its chunk was sealed: the sealer has moved past the file.
    private var canClose = true

    /// The end chunk (an empty record) and the trailer.
    static var closingBytes: Int { 4 + SecretStreamSealer.overhead + ClipTrailer.encodedLength }

    /// `makeRoom` frees room on a full filesystem; false when nothing more can be freed.
    public init(sealer: ClipSealer, directory: String, syncEvery: Int, filesystem: StoreFilesystem = .system,
                makeRoom: () throws(DeviceError) -> Bool = { false }) throws(DeviceError) {
        self.sealer = sealer
        self.syncEvery = max(1, syncEvery)
        self.filesystem = filesystem
        partialPath = directory + "/" + ClipNames.partial(sealer.header.clipNumber)
        closedPath = directory + "/" + ClipNames.closed(sealer.header.clipNumber)
        // Group-readable: the technician's `clips` and `verify` read headers and trailers (the
        // frames are sealed to the reviewers); nobody else reads a clip.
        fd = try FileSystem.open(partialPath, flags: O_WRONLY | O_CREAT | O_EXCL | O_APPEND, mode: 0o640)
        if case .success(false) = fd.tryLockExclusive() { throw DeviceError("lock " + partialPath, hint: "another vigil is writing it") }
        do throws(DeviceError) {
            try claim(sealer.headerBytes.count + ClipFileWriter.closingBytes, makeRoom)
            try write(sealer.headerBytes)
            try sync()
            try FileSystem.syncDirectory(containing: partialPath)
        } catch {
            // A clip without its header holds nothing; leave no file behind.
            _ = try? FileSystem.remove(partialPath)
            throw error
        }
    }

    /// Seals and appends one frame record (`FrameRecord.encode`); `makeRoom` as for `init`.
    public func append(record: UnsafeRawBufferPointer, makeRoom: () throws(DeviceError) -> Bool = { false }) throws(DeviceError) {
        try claim(4 + record.count + SecretStreamSealer.overhead + ClipFileWriter.closingBytes, makeRoom)
        try write(sealer.sealChunk(record))
        unsynced += 1
        if unsynced >= syncEvery { try sync() }
    }

    /// Ends the clip and makes it durable under its final name.
    public func close() throws(DeviceError) {
        guard canClose else { throw DeviceError("close " + partialPath, hint: "a chunk was lost; it is recovered at the next start or by vigil verify") }
        try write(sealer.finish())
        try sync()
        try FileSystem.rename(partialPath, to: closedPath)
        try FileSystem.syncDirectory(containing: closedPath)
    }

    /// Claims room for `length` bytes after the end of the file, freeing room while there is none.
    private func claim(_ length: Int, _ makeRoom: () throws(DeviceError) -> Bool) throws(DeviceError) {
        while claimsRoom, let error = filesystem.reserve(fd, size, length) {
            guard error != .notSupported else {
                claimsRoom = false
                return
            }
            guard error == .noSpace, try makeRoom() else {
                throw DeviceError("claim room in " + partialPath, errno: error, hint: "is the flash full or failing?")
            }
        }
    }

    private func write(_ bytes: [UInt8]) throws(DeviceError) {
        if case .failure(let error) = bytes.withUnsafeBytes({ fd.write($0) }) {
            canClose = false
            _ = fd.truncate(to: size)
            throw DeviceError("write " + partialPath, errno: error, hint: "is the flash full or failing?")
        }
        size += bytes.count
    }

    private func sync() throws(DeviceError) {
        if let error = fd.sync() { throw DeviceError("fsync " + partialPath, errno: error, hint: "the flash may be failing") }
        unsynced = 0
    }
}
