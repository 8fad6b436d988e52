/// How a clip was closed.
public enum ClipClosing: UInt8, Sendable {
    /// By the writer, after the final chunk.
    case closed = 1
    /// At start-up, from a `.partial` torn by a crash or power cut: the complete chunks kept.
    case recovered = 2

    public var name: String { self == .closed ? "closed" : "truncated" }
}

/// The signed end of a closed clip: how many chunks, how many bytes, and their hash. It lets
/// `vigil verify` check every byte of a clip without any reviewer key.
public struct ClipTrailer: Equatable, Sendable {
    public static let magic: [UInt8] = Array("VIGILEND".utf8)
    public static var encodedLength: Int { 8 + 1 + 4 + 8 + Sodium.hashBytes + Sodium.signatureBytes }

    public var closing: ClipClosing
    public var chunkCount: UInt32
    /// Bytes before the trailer: the header and every chunk.
    public var contentLength: UInt64
    /// BLAKE2b-256 of those bytes.
    public var contentHash: [UInt8]
    public var signature: [UInt8]

    public static func signedBytes(closing: ClipClosing, chunkCount: UInt32, contentLength: UInt64, contentHash: [UInt8]) -> [UInt8] {
        var writer = ByteWriter(capacity: encodedLength)
        writer.append(magic)
        writer.append(closing.rawValue)
        writer.append(chunkCount)
        writer.append(contentLength)
        writer.append(contentHash)
        return writer.bytes
    }

    public var signedBytes: [UInt8] { ClipTrailer.signedBytes(closing: closing, chunkCount: chunkCount, contentLength: contentLength, contentHash: contentHash) }
    public var encoded: [UInt8] { signedBytes + signature }

    /// The trailer at `offset`, whose first 8 bytes are its magic.
    public static func decode(_ bytes: [UInt8], at offset: Int) -> Result<ClipTrailer, ClipError> {
        var reader = ByteReader(bytes, at: offset + 8)
        guard let closingByte = reader.read(UInt8.self), let count = reader.read(UInt32.self), let length = reader.read(UInt64.self),
              let hash = reader.read(count: Sodium.hashBytes), let signature = reader.read(count: Sodium.signatureBytes)
        else { return .failure(.trailerDamaged("cut short")) }
        guard let closing = ClipClosing(rawValue: closingByte) else { return .failure(.trailerDamaged("unknown closing \(closingByte)")) }
        return .success(ClipTrailer(closing: closing, chunkCount: count, contentLength: length, contentHash: hash, signature: signature))
    }
}
