/// How complete an opened clip is.
public enum ClipCompleteness: Sendable {
    /// Ends with its final chunk.
    case complete
    /// Cut by a crash or power cut: every frame up to the last complete chunk.
    case truncated

    public var name: String { self == .complete ? "complete" : "truncated" }
}

/// A clip opened by two reviewers: its header and every frame, all checked.
public struct OpenedClip: Sendable {
    public let header: ClipHeader
    public let frames: [FrameRecord]
    public let completeness: ClipCompleteness
}

/// Opens a clip with two reviewers' keys (the four-eyes rule): each key opens its own share,
/// the two shares give the clip key, and every chunk is authenticated in order against the
/// header. All or nothing: any failure returns the error and no frame.
public enum ClipOpener {
    /// `isPartial`: the file is a `.partial` still being written or torn, with no trailer yet.
    public static func open(_ bytes: [UInt8], keys: [ReviewerSecretKey], isPartial: Bool = false) -> Result<OpenedClip, ClipError> {
        let parsed: ParsedClip
        switch ParsedClip.parse(bytes) {
        case .success(let value): parsed = value
        case .failure(let error): return .failure(error)
        }
        var key: [UInt8]
        switch clipKey(parsed.header, keys: keys) {
        case .success(let value): key = value
        case .failure(let error): return .failure(error)
        }
        let stream = SecretStreamOpener(key: key, header: parsed.header.streamHeader)
        Sodium.wipe(&key)
        var frames: [FrameRecord] = []
        var finalSeen = false
        for (index, range) in parsed.chunks.enumerated() {
            let number = index + 1
            guard !finalSeen else { return .failure(.chunkAfterFinal(chunk: number)) }
            guard let (message, final) = stream.open(bytes[range], additionalData: parsed.headerHash) else {
                return .failure(.chunkFailsAuthentication(chunk: number))
            }
            if final {
                guard message.isEmpty else { return .failure(.frameRecordDamaged(chunk: number)) }
                finalSeen = true
                continue
            }
            guard let record = FrameRecord.decode(message) else { return .failure(.frameRecordDamaged(chunk: number)) }
            frames.append(record)
        }
        if !isPartial, let problem = parsed.closedClipProblem { return .failure(problem) }
        if parsed.trailer?.closing == .closed && !finalSeen { return .failure(.finalChunkMissing) }
        guard !frames.isEmpty else { return .failure(.noFrames) }
        return .success(OpenedClip(header: parsed.header, frames: frames, completeness: finalSeen ? .complete : .truncated))
    }

    /// The clip key from two distinct reviewers' shares.
    static func clipKey(_ header: ClipHeader, keys: [ReviewerSecretKey]) -> Result<[UInt8], ClipError> {
        guard keys.count >= 2 else { return .failure(.notEnoughKeys(given: keys.count)) }
        var shares: [Shamir.Share] = []
        for key in keys.prefix(2) {
            let fingerprint = key.publicKey.fingerprint
            guard let recipient = header.recipients.first(where: { $0.publicKey == key.publicKey }) else {
                return .failure(.notARecipient(fingerprint))
            }
            guard !shares.contains(where: { $0.x == recipient.shareX }) else { return .failure(.sameReviewerTwice(fingerprint)) }
            guard let y = Sodium.openSealed(recipient.sealedShare, publicKey: key.publicKey.bytes, secretKey: key.secret) else {
                return .failure(.shareDoesNotOpen(fingerprint))
            }
            shares.append(Shamir.Share(x: recipient.shareX, y: y))
        }
        guard let key = Shamir.combine(shares[0], shares[1]) else { return .failure(.headerDamaged("two reviewers hold the same share")) }
        return .success(key)
    }
}
