/// A clip's structure, checked without any key: the header and its signature, where each
/// chunk lies, and the trailer if there is one. What it cannot check (the chunks' contents
/// without a trailer) is `ClipOpener`'s, with two reviewers' keys.
public struct ParsedClip: Sendable {
    public let header: ClipHeader
    public let headerHash: [UInt8]
    /// Where each sealed chunk lies in the file (after its 4-byte length).
    public let chunks: [Range<Int>]
    public let trailer: ClipTrailer?
    /// The end of the last complete chunk: where the trailer starts, or where a torn file is cut.
    public let completeLength: Int
    /// Bytes after the last complete chunk that form no chunk and no trailer (a torn tail).
    public let tornBytes: Int
    /// What is wrong with the trailer, if there is one and it does not match the file.
    public let trailerProblem: ClipError?

    public static func parse(_ bytes: [UInt8]) -> Result<ParsedClip, ClipError> {
        let header: ClipHeader
        switch ClipHeader.decode(bytes) {
        case .success(let decoded): header = decoded
        case .failure(let error): return .failure(error)
        }
        guard header.signatureIsValid else { return .failure(.headerSignatureInvalid) }
        let layout = chunkLayout(bytes, from: header.encodedLength)
        let offset = layout.end
        var trailer: ClipTrailer? = nil
        var trailerProblem: ClipError? = nil
        if layout.trailerFollows {
            switch ClipTrailer.decode(bytes, at: offset) {
            case .success(let found):
                trailer = found
                trailerProblem = check(found, bytes: bytes, at: offset, chunkCount: layout.chunks.count, unitKey: header.unitKey)
            case .failure(let error):
                trailerProblem = error
            }
        }
        let chunks = layout.chunks
        let torn = trailer == nil && trailerProblem == nil ? bytes.count - offset : 0
        return .success(ParsedClip(header: header, headerHash: Sodium.hash(Array(bytes[0..<header.encodedLength])), chunks: chunks,
                                   trailer: trailer, completeLength: offset, tornBytes: torn, trailerProblem: trailerProblem))
    }

    /// The chunks from `start` on, up to the trailer's magic or the first bytes that form no
    /// complete chunk. Structure only: nothing is authenticated here.
    public static func chunkLayout(_ bytes: [UInt8], from start: Int) -> (chunks: [Range<Int>], end: Int, trailerFollows: Bool) {
        var offset = start
        var chunks: [Range<Int>] = []
        while offset < bytes.count {
            if bytes.count - offset >= 8 && bytes[offset..<(offset + 8)].elementsEqual(ClipTrailer.magic) { return (chunks, offset, true) }
            var reader = ByteReader(bytes, at: offset)
            guard let length = reader.read(UInt32.self), Int(length) >= SecretStreamSealer.overhead,
                  Int(length) <= ClipSealer.maximumChunkBytes, reader.remaining >= Int(length) else { break }
            chunks.append((offset + 4)..<(offset + 4 + Int(length)))
            offset += 4 + Int(length)
        }
        return (chunks, offset, false)
    }

    private static func check(_ trailer: ClipTrailer, bytes: [UInt8], at offset: Int, chunkCount: Int, unitKey: [UInt8]) -> ClipError? {
        guard Sodium.verify(trailer.signature, of: trailer.signedBytes, publicKey: unitKey) else { return .trailerSignatureInvalid }
        guard offset + ClipTrailer.encodedLength == bytes.count else { return .bytesAfterTrailer }
        guard trailer.contentLength == UInt64(offset), trailer.chunkCount == UInt32(chunkCount),
              Sodium.constantTimeEqual(bytes.withUnsafeBytes { Sodium.hash(UnsafeRawBufferPointer(rebasing: $0[0..<offset])) }, trailer.contentHash)
        else { return .contentsDifferFromSigned }
        return nil
    }

    /// The keyless verdict on a closed clip: nil when every byte is as the unit signed it.
    public var closedClipProblem: ClipError? {
        if let trailerProblem { return trailerProblem }
        guard trailer != nil else { return tornBytes > 0 ? .chunkFramingDamaged(chunk: chunks.count + 1) : .trailerMissing }
        return nil
    }
}
