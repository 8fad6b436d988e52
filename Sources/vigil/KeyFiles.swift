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

    static func reviewerSecretKey(_ path: String) -> Result<ReviewerSecretKey, KeyError> {
        let contents: [UInt8]
        do throws(DeviceError) { contents = try FileSystem.readFile(path, limit: 4096) } catch { return .failure(KeyError(error.message)) }
        switch ReviewerSecretKey.parse(contents) {
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
