import CSystem
import VigilDevices

/// Closes the `.partial` files a crash or power cut left behind: the torn tail is cut off,
/// every complete chunk is kept under a trailer that says `recovered`, signed by the unit, and
/// the clip gets its final name. A partial that another process holds locked is being written
/// and is left alone.
public enum TornClipRecovery {
    public enum Outcome: Sendable {
        case recovered(path: String, chunks: Int, cutBytes: Int)
        /// Cut before its header was complete: nothing in it could ever be opened.
        case removedEmpty(path: String)
        case inUse(path: String)
        /// Its header does not verify: kept as it is for an investigator, never "repaired".
        case refused(path: String, ClipError)

        public var description: String {
            switch self {
            case .recovered(let path, let chunks, let cut):
                return path + ": closed as truncated, \(chunks) complete chunk(s) kept, \(cut) torn byte(s) cut"
            case .removedEmpty(let path): return path + ": removed, cut before its header was complete (it held no frame)"
            case .inUse(let path): return path + ": being written by another process, left alone"
            case .refused(let path, let error): return path + ": left as it is: " + error.message
            }
        }
    }

    public static func recoverAll(directory: String, unit: UnitSigningKey) throws(DeviceError) -> [Outcome] {
        // A crash while the chain file was rewritten leaves its temporary copy; the old file is intact.
        let staleChain = directory + "/" + ClipNames.chain + ".tmp"
        if FileSystem.exists(staleChain) { try FileSystem.remove(staleChain) }
        var outcomes: [Outcome] = []
        for name in try FileSystem.list(directory) where name.hasSuffix(ClipNames.partialSuffix) && ClipNames.number(in: name) != nil {
            outcomes.append(try recover(directory + "/" + name, unit: unit))
        }
        return outcomes
    }

    public static func recover(_ path: String, unit: UnitSigningKey) throws(DeviceError) -> Outcome {
        let fd = try FileSystem.open(path, flags: O_RDWR)
        switch fd.tryLockExclusive() {
        case .success(true): break
        case .success(false): return .inUse(path: path)
        case .failure(let error): throw DeviceError("lock " + path, errno: error, hint: "")
        }
        let bytes = try FileSystem.readFile(path, limit: Int.max)
        let parsed: ParsedClip
        switch ParsedClip.parse(bytes) {
        case .success(let value): parsed = value
        case .failure(let error):
            if case .headerDamaged = error, bytes.count < headerLength(bytes) {
                try FileSystem.remove(path)
                try FileSystem.syncDirectory(containing: path)
                return .removedEmpty(path: path)
            }
            return .refused(path: path, error)
        }
        let closedPath = String(path.dropLast(ClipNames.partialSuffix.count)) + ClipNames.closedSuffix
        if parsed.trailer != nil && parsed.trailerProblem == nil {
            // Crashed between the trailer and the rename: the clip is whole.
            try finish(fd, path, closedPath)
            return .recovered(path: closedPath, chunks: parsed.chunks.count, cutBytes: 0)
        }
        let cut = bytes.count - parsed.completeLength
        if let error = fd.truncate(to: parsed.completeLength) { throw DeviceError("truncate " + path, errno: error, hint: "") }
        let content = bytes.withUnsafeBytes { Sodium.hash(UnsafeRawBufferPointer(rebasing: $0[0..<parsed.completeLength])) }
        let trailer = ClipTrailer.make(closing: .recovered, chunkCount: UInt32(parsed.chunks.count), contentLength: UInt64(parsed.completeLength),
                                       contentHash: content, unit: unit)
        if case .failure(let error) = trailer.withUnsafeBytes({ fd.write($0, at: parsed.completeLength) }) {
            throw DeviceError("write " + path, errno: error, hint: "is the flash full?")
        }
        try finish(fd, path, closedPath)
        return .recovered(path: closedPath, chunks: parsed.chunks.count, cutBytes: cut)
    }

    private static func finish(_ fd: borrowing FileDescriptor, _ path: String, _ closedPath: String) throws(DeviceError) {
        if let error = fd.sync() { throw DeviceError("fsync " + path, errno: error, hint: "") }
        try FileSystem.rename(path, to: closedPath)
        try FileSystem.syncDirectory(containing: closedPath)
    }

    /// The header length the file's own fields announce, or the smallest possible one.
    private static func headerLength(_ bytes: [UInt8]) -> Int {
        var reader = ByteReader(bytes, at: 10)
        guard let length = reader.read(UInt16.self) else { return ClipHeader.encodedLength(recipients: 2) }
        return Int(length)
    }
}
