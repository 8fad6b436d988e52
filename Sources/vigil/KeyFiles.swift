import VigilDevices
import VigilEvidence

/// Reads the key files named on the command line; a failure is a message naming the file.
enum KeyFiles {
    static func reviewerPublicKey(_ path: String) -> Result<ReviewerPublicKey, KeyError> {
        let contents: [UInt8]
        do throws(DeviceError) { contents = try FileSystem.readFile(path, limit: 4096) } catch { return .failure(KeyError(error.message)) }
        switch ReviewerPublicKey.parse(contents) {
        case .success(let key): return .success(key)
        case .failure(let error): return .failure(KeyError("key file " + path + " " + error.message))
        }
    }

    /// The public keys a unit seals its clips to, in order; the first file that fails stops it.
    static func reviewerPublicKeys(_ paths: [String]) -> Result<[ReviewerPublicKey], KeyError> {
        var keys: [ReviewerPublicKey] = []
        for path in paths {
            switch reviewerPublicKey(path) {
            case .success(let key): keys.append(key)
            case .failure(let error): return .failure(error)
            }
        }
        return .success(keys)
    }

    /// A reviewer's secret key; a passphrase-sealed one is opened with the first line of
    /// `passphraseFile`, or a passphrase typed on the terminal when there is one.
    static func reviewerSecretKey(_ path: String, passphraseFile: String?) -> Result<ReviewerSecretKey, KeyError> {
        var contents: [UInt8]
        do throws(DeviceError) { contents = try FileSystem.readFile(path, limit: 4096) } catch { return .failure(KeyError(error.message)) }
        defer { Sodium.wipe(&contents) }
        let parsed: Result<ReviewerSecretKey, KeyError>
        if PassphraseSealedKey.isSealed(contents) {
            var passphrase: [UInt8]
            if let passphraseFile {
                switch Passphrase.firstLine(of: passphraseFile) {
                case .success(let line): passphrase = line
                case .failure(let error): return .failure(error)
                }
            } else if Passphrase.canAsk, let typed = Passphrase.ask("passphrase for " + path + ": ") {
                passphrase = typed
            } else {
                return .failure(KeyError("key file " + path + " is protected by a passphrase; give --passphrase-file "
                                         + path + "=FILE (the passphrase on FILE's first line), or run on a terminal to be asked"))
            }
            defer { Sodium.wipe(&passphrase) }
            parsed = PassphraseSealedKey.open(contents, passphrase: passphrase)
        } else {
            parsed = ReviewerSecretKey.parse(contents)
        }
        switch parsed {
        case .success(let key): return .success(key)
        case .failure(let error): return .failure(KeyError("key file " + path + " " + error.message))
        }
    }

    /// The unit public key a verifier pins: `--unit FILE`, else `unit.pub` beside the clips, else none.
    static func unitPublicKey(option: String?, directory: String) -> Result<[UInt8]?, KeyError> {
        let path = option ?? directory + "/" + ClipNames.unitPublicKey
        guard option != nil || FileSystem.exists(path) else { return .success(nil) }
        let contents: [UInt8]
        do throws(DeviceError) { contents = try FileSystem.readFile(path, limit: 4096) } catch { return .failure(KeyError(error.message)) }
        switch KeyFile.parse(contents, label: KeyFile.unitPublic, length: UnitSigningKey.publicKeyLength) {
        case .success(let key): return .success(key)
        case .failure(let error): return .failure(KeyError("key file " + path + " " + error.message))
        }
    }
}
