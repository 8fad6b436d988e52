import CSodium

/// A reviewer's X25519 public key: clip keys are shared out to these.
public struct ReviewerPublicKey: Equatable, Sendable {
    public let bytes: [UInt8]

    public init?(bytes: [UInt8]) {
        guard bytes.count == ReviewerPublicKey.length else { return nil }
        self.bytes = bytes
    }

    public static var length: Int { Int(crypto_box_publickeybytes()) }

    /// Short and stable, for messages and listings: the first 8 bytes of its BLAKE2b hash.
    public var fingerprint: String { Hex.encode(Array(Sodium.hash(bytes).prefix(8))) }

    public static func parse(_ contents: [UInt8]) -> Result<ReviewerPublicKey, KeyError> {
        switch KeyFile.parse(contents, label: KeyFile.reviewerPublic, length: length) {
        case .success(let bytes): return .success(ReviewerPublicKey(bytes: bytes)!)
        case .failure(let error): return .failure(error)
        }
    }

    public var fileContents: [UInt8] { KeyFile.render(label: KeyFile.reviewerPublic, bytes) }
}

/// A reviewer's X25519 key pair. Only reviewers hold these; the unit never does.
public struct ReviewerSecretKey: Sendable {
    public let publicKey: ReviewerPublicKey
    public let secret: [UInt8]

    public static func generate() -> ReviewerSecretKey {
        Sodium.initialize()
        var publicBytes = [UInt8](repeating: 0, count: ReviewerPublicKey.length)
        var secret = [UInt8](repeating: 0, count: Int(crypto_box_secretkeybytes()))
        _ = crypto_box_keypair(&publicBytes, &secret)
        return ReviewerSecretKey(publicKey: ReviewerPublicKey(bytes: publicBytes)!, secret: secret)
    }

    /// The public half is derived from the secret, so a key file cannot pair the wrong two.
    public static func parse(_ contents: [UInt8]) -> Result<ReviewerSecretKey, KeyError> {
        switch KeyFile.parse(contents, label: KeyFile.reviewerSecret, length: Int(crypto_box_secretkeybytes())) {
        case .success(let secret):
            Sodium.initialize()
            var publicBytes = [UInt8](repeating: 0, count: ReviewerPublicKey.length)
            _ = crypto_scalarmult_base(&publicBytes, secret)
            return .success(ReviewerSecretKey(publicKey: ReviewerPublicKey(bytes: publicBytes)!, secret: secret))
        case .failure(let error): return .failure(error)
        }
    }

    public var fileContents: [UInt8] { KeyFile.render(label: KeyFile.reviewerSecret, secret) }
}
