/// One reviewer's entry in a clip header: who it is for, and their share of the clip key,
/// sealed to them with `crypto_box_seal`.
public struct ClipRecipient: Equatable, Sendable {
    public let publicKey: ReviewerPublicKey
    public let shareX: UInt8
    public let sealedShare: [UInt8]

    public static var encodedLength: Int { ReviewerPublicKey.length + 1 + Sodium.keyBytes + Sodium.sealOverhead }
}

/// The clip header (docs/clip-format.md): who wrote the clip, which event, when, who can open
/// it, where it sits in the unit's chain, all signed by the unit.
public struct ClipHeader: Equatable, Sendable {
    public static let magic: [UInt8] = Array("VIGILCLP".utf8)
    public static let version: UInt16 = 1
    public static let recipientLimit = 2...16

    public var unitKey: [UInt8]
    public var clipNumber: UInt64
    public var eventKind: EventKind
    public var startMilliseconds: Int64
    public var previousHeaderHash: [UInt8]
    public var streamHeader: [UInt8]
    public var recipients: [ClipRecipient]
    public var signature: [UInt8]

    /// Magic, version, length, unit key, clip number, kind, recipient count, start, previous hash, stream header.
    static var fixedLength: Int { 8 + 2 + 2 + UnitSigningKey.publicKeyLength + 8 + 1 + 1 + 8 + Sodium.hashBytes + SecretStreamSealer.headerBytes }

    public static func encodedLength(recipients: Int) -> Int { fixedLength + recipients * ClipRecipient.encodedLength + Sodium.signatureBytes }

    public var encodedLength: Int { ClipHeader.encodedLength(recipients: recipients.count) }

    /// Every byte of the header but the signature: what the unit signs.
    public var signedBytes: [UInt8] {
        var writer = ByteWriter(capacity: encodedLength)
        writer.append(ClipHeader.magic)
        writer.append(ClipHeader.version)
        writer.append(UInt16(encodedLength))
        writer.append(unitKey)
        writer.append(clipNumber)
        writer.append(eventKind.rawValue)
        writer.append(UInt8(recipients.count))
        writer.append(startMilliseconds)
        writer.append(previousHeaderHash)
        writer.append(streamHeader)
        for recipient in recipients {
            writer.append(recipient.publicKey.bytes)
            writer.append(recipient.shareX)
            writer.append(recipient.sealedShare)
        }
        return writer.bytes
    }

    public var encoded: [UInt8] { signedBytes + signature }

    /// BLAKE2b-256 of the whole encoded header: the next clip's `previousHeaderHash`, and the
    /// additional data of every chunk, which ties the chunks to this header.
    public var hash: [UInt8] { Sodium.hash(encoded) }

    public var signatureIsValid: Bool { Sodium.verify(signature, of: signedBytes, publicKey: unitKey) }

    /// Parses the header's structure (not its signature) at the start of `bytes`.
    public static func decode(_ bytes: [UInt8]) -> Result<ClipHeader, ClipError> {
        var reader = ByteReader(bytes)
        guard let magic = reader.read(count: 8), magic == ClipHeader.magic else {
            return .failure(bytes.count < 8 ? .headerDamaged("the file is shorter than a header") : .notAClip)
        }
        guard let version = reader.read(UInt16.self), let length = reader.read(UInt16.self) else { return .failure(.headerDamaged("cut short")) }
        guard version == ClipHeader.version else { return .failure(.unsupportedVersion(version)) }
        guard let unitKey = reader.read(count: UnitSigningKey.publicKeyLength), let clipNumber = reader.read(UInt64.self),
              let kindByte = reader.read(UInt8.self), let recipientCount = reader.read(UInt8.self),
              let start = reader.read(Int64.self), let previous = reader.read(count: Sodium.hashBytes),
              let streamHeader = reader.read(count: SecretStreamSealer.headerBytes)
        else { return .failure(.headerDamaged("cut short")) }
        guard let kind = EventKind(rawValue: kindByte) else { return .failure(.headerDamaged("unknown event kind \(kindByte)")) }
        guard recipientLimit.contains(Int(recipientCount)) else { return .failure(.headerDamaged("\(recipientCount) recipients")) }
        guard Int(length) == encodedLength(recipients: Int(recipientCount)) else { return .failure(.headerDamaged("its length field is wrong")) }
        var recipients: [ClipRecipient] = []
        for _ in 0..<Int(recipientCount) {
            guard let key = reader.read(count: ReviewerPublicKey.length), let x = reader.read(UInt8.self),
                  let sealed = reader.read(count: Sodium.keyBytes + Sodium.sealOverhead)
            else { return .failure(.headerDamaged("cut short in the key shares")) }
            recipients.append(ClipRecipient(publicKey: ReviewerPublicKey(bytes: key)!, shareX: x, sealedShare: sealed))
        }
        guard let signature = reader.read(count: Sodium.signatureBytes) else { return .failure(.headerDamaged("cut short in the signature")) }
        return .success(ClipHeader(unitKey: unitKey, clipNumber: clipNumber, eventKind: kind, startMilliseconds: start,
                                   previousHeaderHash: previous, streamHeader: streamHeader, recipients: recipients, signature: signature))
    }
}
