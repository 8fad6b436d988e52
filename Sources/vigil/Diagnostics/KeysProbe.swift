import VigilAppliance
import VigilCore
import VigilDevices
import VigilDiagnostics
import VigilEvidence

/// The keys: the reviewers' public keys the clips are sealed to (two at least), and the unit's
/// signing key - its fingerprint from the public half, and that the secret half is private.
/// No secret is read.
struct KeysProbe {
    let unit: UnitSettings

    init(_ unit: UnitSettings) { self.unit = unit }

    func checks() -> [DiagnosticCheck] {
        var checks: [DiagnosticCheck] = []
        switch KeyFiles.reviewerPublicKeys(unit.recipients) {
        case .success(let keys) where keys.count >= 2:
            checks.append(.ok("keys", "reviewers", "\(keys.count) valid public keys: " + commaSeparated(unit.recipients)))
        case .success(let keys):
            checks.append(DiagnosticCheck("keys", "reviewers", .fail, "\(keys.count) key(s)",
                                          hint: "clips need two reviewers (four-eyes): install two public keys from 'vigil keygen' and list them in [store] recipients"))
        case .failure(let error):
            checks.append(DiagnosticCheck("keys", "reviewers", .fail, error.message,
                                          hint: "the unit records nothing without them: install the reviewers' public keys (vigil keygen) and restart"))
        }
        for path in unit.recipients {
            if let mode = FileSystem.permissions(path), mode & 0o022 != 0 {
                checks.append(DiagnosticCheck("keys", "key permissions", .fail, path + " is " + octal(mode),
                                              hint: "others could replace the key and read future clips: chmod 644 and chown root"))
            }
        }
        let secret = unit.unitKey ?? unit.storeDirectory + "/" + ClipNames.unitKey
        let publicPath = UnitKeyFile.publicPath(for: secret)
        switch FileSystem.exists(publicPath) ? KeyFiles.unitPublicKey(option: publicPath, directory: unit.storeDirectory) : .success(nil) {
        case .success(let key?):
            checks.append(.ok("keys", "unit signing key", "ed25519 " + fingerprint(key) + " (" + publicPath + ")"))
        case .success(nil):
            checks.append(DiagnosticCheck("keys", "unit signing key", .warn, "none yet at " + publicPath, hint: "the daemon makes it at its first start with two reviewer keys"))
        case .failure(let error):
            checks.append(DiagnosticCheck("keys", "unit signing key", .warn, error.message, hint: "this account may not read it; run diag as the vigil user or root"))
        }
        if let mode = FileSystem.permissions(secret) {
            if mode & 0o077 != 0 {
                checks.append(DiagnosticCheck("keys", "secret permissions", .fail, secret + " is " + octal(mode),
                                              hint: "anyone on the unit could sign forged clips: chmod 600 " + secret))
            } else {
                checks.append(.ok("keys", "secret permissions", octal(mode)))
            }
        }
        return checks
    }

    /// "0640"
    private func octal(_ mode: Int) -> String {
        var text = String(mode, radix: 8)
        while text.count < 4 { text = "0" + text }
        return text
    }

    /// The first 8 bytes of the public key in hex, in groups of four digits, as peers show SSH keys.
    private func fingerprint(_ key: [UInt8]) -> String {
        let hex = Hex.encode(Array(key.prefix(8)))
        var grouped = ""
        for (index, character) in hex.enumerated() {
            if index > 0 && index % 4 == 0 { grouped += ":" }
            grouped.append(character)
        }
        return grouped
    }
}
