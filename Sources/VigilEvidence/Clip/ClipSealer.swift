/// Makes the bytes of one clip in memory: the signed header, then one sealed chunk per frame
/// record, then the end chunk and the signed trailer. Writing them to flash is `ClipFileWriter`'s job.
/// The clip key exists only inside: it is split and sealed to the reviewers, handed to the
/// stream, and wiped; the unit cannot decrypt what it wrote.
public final class ClipSealer {
    public let header: ClipHeader
    public let headerBytes: [UInt8]
    public let headerHash: [UInt8]
    private let stream: SecretStreamSealer
    private let unit: UnitSigningKey
    private let contentHash = RunningHash()
    public private(set) var chunkCount: UInt32 = 0
    public private(set) var contentLength: UInt64

    /// Chunks larger than this are refused by the reader: a damaged length must not make it allocate gigabytes.
    public static let maximumChunkBytes = 16 << 20

    public init(unit: UnitSigningKey, recipients: [ReviewerPublicKey], clipNumber: UInt64, eventKind: EventKind,
                startMilliseconds: Int64, previousHeaderHash: [UInt8]) throws(ClipError) {
        var distinct: [ReviewerPublicKey] = []
        for recipient in recipients where !distinct.contains(recipient) { distinct.append(recipient) }
        guard distinct.count >= ClipHeader.recipientLimit.lowerBound else { throw .tooFewRecipients(distinct.count) }
        guard distinct.count <= ClipHeader.recipientLimit.upperBound else { throw .tooManyRecipients(distinct.count) }
        var key = Sodium.randomBytes(Sodium.keyBytes)
        defer { Sodium.wipe(&key) }
        var shares = Shamir.split(key, count: distinct.count, randomBytes: Sodium.randomBytes)
        var entries: [ClipRecipient] = []
        for (index, recipient) in distinct.enumerated() {
            let sealed = Sodium.seal(shares[index].y, to: recipient.bytes)
            var y = shares[index].y
            Sodium.wipe(&y)
            guard let sealed else { throw .recipientKeyUnusable(recipient.fingerprint) }
            entries.append(ClipRecipient(publicKey: recipient, shareX: shares[index].x, sealedShare: sealed))
        }
        shares.removeAll()
        stream = SecretStreamSealer(key: key)
        var header = ClipHeader(unitKey: unit.publicKey, clipNumber: clipNumber, eventKind: eventKind, startMilliseconds: startMilliseconds,
                                previousHeaderHash: previousHeaderHash, streamHeader: stream.header, recipients: entries, signature: [])
        header.signature = unit.sign(header.signedBytes)
        self.header = header
        self.unit = unit
        headerBytes = header.encoded
        headerHash = Sodium.hash(headerBytes)
        contentHash.update(headerBytes)
        contentLength = UInt64(headerBytes.count)
    }

    /// One frame record, sealed and length-prefixed, ready to append to the file.
    public func sealChunk(_ record: UnsafeRawBufferPointer) -> [UInt8] { chunk(record, final: false) }

    /// The final chunk (an empty record tagged FINAL) and the signed trailer: the clip's last bytes.
    public func finish() -> [UInt8] {
        let end = [UInt8]().withUnsafeBytes { chunk($0, final: true) }
        return end + ClipTrailer.make(closing: .closed, chunkCount: chunkCount, contentLength: contentLength, contentHash: contentHash.finish(), unit: unit)
    }

    private func chunk(_ record: UnsafeRawBufferPointer, final: Bool) -> [UInt8] {
        var bytes: [UInt8] = [0, 0, 0, 0]  // the length, known once sealed
        bytes.reserveCapacity(4 + record.count + SecretStreamSealer.overhead)
        stream.seal(record, additionalData: headerHash, final: final, appendingTo: &bytes)
        withUnsafeBytes(of: UInt32(bytes.count - 4).littleEndian) { bytes.replaceSubrange(0..<4, with: $0) }
        contentHash.update(bytes)
        contentLength += UInt64(bytes.count)
        chunkCount += 1
        return bytes
    }
}

extension ClipTrailer {
    /// A signed trailer, encoded.
    public static func make(closing: ClipClosing, chunkCount: UInt32, contentLength: UInt64, contentHash: [UInt8], unit: UnitSigningKey) -> [UInt8] {
        let signed = signedBytes(closing: closing, chunkCount: chunkCount, contentLength: contentLength, contentHash: contentHash)
        return signed + unit.sign(signed)
    }
}
