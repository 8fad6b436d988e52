import CSodium

/// libsodium's primitives as the clip format uses them, over `[UInt8]`. Sizes come from
/// libsodium's functions (its size macros are expressions Swift cannot import).
public enum Sodium {
    public static let hashBytes = 32
    public static let keyBytes = 32

    /// Idempotent and cheap after the first call; every entry point below calls it.
    static func initialize() {
        precondition(sodium_init() >= 0, "libsodium failed to initialise (no entropy source?)")
    }

    public static func randomBytes(_ count: Int) -> [UInt8] {
        initialize()
        var bytes = [UInt8](repeating: 0, count: count)
        if count > 0 { bytes.withUnsafeMutableBytes { randombytes_buf($0.baseAddress!, count) } }
        return bytes
    }

    /// BLAKE2b-256.
    public static func hash(_ bytes: UnsafeRawBufferPointer) -> [UInt8] {
        initialize()
        var digest = [UInt8](repeating: 0, count: hashBytes)
        _ = crypto_generichash(&digest, hashBytes, bytes.baseAddress?.assumingMemoryBound(to: UInt8.self), UInt64(bytes.count), nil, 0)
        return digest
    }

    public static func hash(_ bytes: [UInt8]) -> [UInt8] { bytes.withUnsafeBytes { hash($0) } }

    /// Overwrites secret bytes in a way the optimiser cannot drop.
    public static func wipe(_ bytes: inout [UInt8]) {
        let count = bytes.count
        if count > 0 { bytes.withUnsafeMutableBytes { sodium_memzero($0.baseAddress!, count) } }
    }

    public static func constantTimeEqual(_ a: [UInt8], _ b: [UInt8]) -> Bool {
        a.count == b.count && (a.isEmpty || sodium_memcmp(a, b, a.count) == 0)
    }

    /// An anonymous sealed box (`crypto_box_seal`) to an X25519 public key; nil if the key is unusable.
    public static func seal(_ message: [UInt8], to publicKey: [UInt8]) -> [UInt8]? {
        initialize()
        guard publicKey.count == Int(crypto_box_publickeybytes()) else { return nil }
        var sealed = [UInt8](repeating: 0, count: message.count + Int(crypto_box_sealbytes()))
        return crypto_box_seal(&sealed, message, UInt64(message.count), publicKey) == 0 ? sealed : nil
    }

    public static func openSealed(_ sealed: [UInt8], publicKey: [UInt8], secretKey: [UInt8]) -> [UInt8]? {
        initialize()
        let overhead = Int(crypto_box_sealbytes())
        guard sealed.count >= overhead else { return nil }
        var message = [UInt8](repeating: 0, count: sealed.count - overhead)
        return crypto_box_seal_open(&message, sealed, UInt64(sealed.count), publicKey, secretKey) == 0 ? message : nil
    }

    public static var sealOverhead: Int { Int(crypto_box_sealbytes()) }
    public static var signatureBytes: Int { Int(crypto_sign_bytes()) }

    /// Ed25519 detached signature.
    public static func sign(_ message: [UInt8], secretKey: [UInt8]) -> [UInt8] {
        initialize()
        var signature = [UInt8](repeating: 0, count: signatureBytes)
        _ = crypto_sign_detached(&signature, nil, message, UInt64(message.count), secretKey)
        return signature
    }

    public static func verify(_ signature: [UInt8], of message: [UInt8], publicKey: [UInt8]) -> Bool {
        initialize()
        guard signature.count == signatureBytes && publicKey.count == Int(crypto_sign_publickeybytes()) else { return false }
        return crypto_sign_verify_detached(signature, message, UInt64(message.count), publicKey) == 0
    }
}
