import CSodium

/// A reviewer's secret key sealed under a passphrase, for the key file a reviewer keeps:
/// Argon2id (`crypto_pwhash`, libsodium's moderate limits: 256 MiB, about 0.5 s on the
/// 2-core development machine) turns the passphrase and a random salt into a key for `crypto_secretbox` over the
/// secret. The limits are stored in the file, so stronger ones can be chosen later and old
/// files still open. Layout: docs/clip-format.md, "Key files".
public enum PassphraseSealedKey {
    static let algorithmArgon2id13: UInt8 = 2
    static let saltBytes = 16
    static let nonceBytes = 24
    static let macBytes = 16
    static let secretBytes = 32
    /// algorithm (1), opslimit (8), memlimit (8), salt, nonce, sealed secret.
    static let payloadBytes = 1 + 8 + 8 + saltBytes + nonceBytes + secretBytes + macBytes

    /// True when `contents` is a passphrase-sealed reviewer key (whether or not it is intact).
    public static func isSealed(_ contents: [UInt8]) -> Bool {
        let label = Array(KeyFile.reviewerSecretSealed.utf8)
        return contents.count > label.count && Array(contents.prefix(label.count)) == label && contents[label.count] == UInt8(ascii: " ")
    }

    /// The key file contents of `key` sealed under `passphrase`.
    public static func seal(_ key: ReviewerSecretKey, passphrase: [UInt8]) -> [UInt8] {
        Sodium.initialize()
        let opslimit = UInt64(crypto_pwhash_opslimit_moderate())
        let memlimit = UInt64(crypto_pwhash_memlimit_moderate())
        let salt = Sodium.randomBytes(saltBytes)
        let nonce = Sodium.randomBytes(nonceBytes)
        var boxKey = derive(passphrase, salt: salt, opslimit: opslimit, memlimit: memlimit)!
        defer { Sodium.wipe(&boxKey) }
        var sealed = [UInt8](repeating: 0, count: secretBytes + macBytes)
        _ = crypto_secretbox_easy(&sealed, key.secret, UInt64(secretBytes), nonce, boxKey)
        var payload = ByteWriter()
        payload.append(algorithmArgon2id13)
        payload.append(opslimit)
        payload.append(memlimit)
        payload.append(salt)
        payload.append(nonce)
        payload.append(sealed)
        return KeyFile.render(label: KeyFile.reviewerSecretSealed, payload.bytes)
    }

    /// The key, or why not; a wrong passphrase and a damaged file cannot be told apart.
    public static func open(_ contents: [UInt8], passphrase: [UInt8]) -> Result<ReviewerSecretKey, KeyError> {
        let payload: [UInt8]
        switch KeyFile.parse(contents, label: KeyFile.reviewerSecretSealed, length: payloadBytes) {
        case .success(let bytes): payload = bytes
        case .failure(let error): return .failure(error)
        }
        guard !passphrase.isEmpty else { return .failure(KeyError("does not open with an empty passphrase; give the key's passphrase")) }
        var reader = ByteReader(payload)
        guard let algorithm = reader.read(UInt8.self), algorithm == algorithmArgon2id13,
              let opslimit = reader.read(UInt64.self), let memlimit = reader.read(UInt64.self),
              opslimit >= UInt64(crypto_pwhash_opslimit_min()), opslimit <= UInt64(UInt32.max),
              memlimit >= UInt64(crypto_pwhash_memlimit_min()), memlimit <= 4 << 30,
              let salt = reader.read(count: saltBytes), let nonce = reader.read(count: nonceBytes),
              let sealed = reader.read(count: secretBytes + macBytes) else {
            return .failure(KeyError("has key-derivation settings this vigil does not know; use a newer vigil or make a new key"))
        }
        guard var boxKey = derive(passphrase, salt: salt, opslimit: opslimit, memlimit: memlimit) else {
            return .failure(KeyError("needs more memory to unlock than this machine gives (\(memlimit >> 20) MiB); open it on another machine"))
        }
        defer { Sodium.wipe(&boxKey) }
        var secret = [UInt8](repeating: 0, count: secretBytes)
        guard crypto_secretbox_open_easy(&secret, sealed, UInt64(sealed.count), nonce, boxKey) == 0 else {
            return .failure(KeyError("does not open with this passphrase (wrong passphrase, or a damaged file); check the passphrase and try again"))
        }
        defer { Sodium.wipe(&secret) }
        return ReviewerSecretKey.parse(KeyFile.render(label: KeyFile.reviewerSecret, secret))
    }

    /// The secretbox key for a non-empty `passphrase`, or nil when Argon2id could not run (out of memory).
    private static func derive(_ passphrase: [UInt8], salt: [UInt8], opslimit: UInt64, memlimit: UInt64) -> [UInt8]? {
        precondition(!passphrase.isEmpty)
        var key = [UInt8](repeating: 0, count: Int(crypto_secretbox_keybytes()))
        let status = passphrase.withUnsafeBufferPointer { text in
            text.withMemoryRebound(to: CChar.self) { characters in
                crypto_pwhash(&key, UInt64(key.count), characters.baseAddress!, UInt64(characters.count), salt,
                              opslimit, Int(memlimit), crypto_pwhash_alg_argon2id13())
            }
        }
        return status == 0 ? key : nil
    }
}
