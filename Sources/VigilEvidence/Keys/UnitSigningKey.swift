import CSodium

/// The unit's Ed25519 key: it signs every clip header and trailer. It proves which unit wrote
/// a clip and that nothing was changed since; it decrypts nothing.
public struct UnitSigningKey: Sendable {
    public let publicKey: [UInt8]
    let secret: [UInt8]

    public static var publicKeyLength: Int { Int(crypto_sign_publickeybytes()) }

    public static func generate() -> UnitSigningKey {
        Sodium.initialize()
        var publicKey = [UInt8](repeating: 0, count: publicKeyLength)
        var secret = [UInt8](repeating: 0, count: Int(crypto_sign_secretkeybytes()))
        _ = crypto_sign_keypair(&publicKey, &secret)
        return UnitSigningKey(publicKey: publicKey, secret: secret)
    }

    public static func parse(_ contents: [UInt8]) -> Result<UnitSigningKey, KeyError> {
        switch KeyFile.parse(contents, label: KeyFile.unitSecret, length: Int(crypto_sign_secretkeybytes())) {
        case .success(let secret):
            Sodium.initialize()
            var publicKey = [UInt8](repeating: 0, count: publicKeyLength)
            _ = crypto_sign_ed25519_sk_to_pk(&publicKey, secret)
            return .success(UnitSigningKey(publicKey: publicKey, secret: secret))
        case .failure(let error): return .failure(error)
        }
    }

    public func sign(_ message: [UInt8]) -> [UInt8] { Sodium.sign(message, secretKey: secret) }

    public var secretFileContents: [UInt8] { KeyFile.render(label: KeyFile.unitSecret, secret) }
    public var publicFileContents: [UInt8] { KeyFile.render(label: KeyFile.unitPublic, publicKey) }
}
