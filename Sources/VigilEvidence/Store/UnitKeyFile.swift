import CSystem
import VigilDevices

/// The unit's signing key on disk, made at first use: the secret 0600, the public key beside it
/// (`unit.pub`) for whoever verifies the clips.
public enum UnitKeyFile {
    public static func loadOrCreate(_ path: String) throws(DeviceError) -> UnitSigningKey {
        if FileSystem.exists(path) {
            switch UnitSigningKey.parse(try FileSystem.readFile(path, limit: 4096)) {
            case .success(let key):
                // A crash right after the secret was written leaves no public key beside it.
                if !FileSystem.exists(publicPath(for: path)) { try FileSystem.writeAtomically(publicPath(for: path), key.publicFileContents) }
                return key
            case .failure(let error):
                throw DeviceError("unit key " + path + " " + error.message, hint: "restore it; a new key would start a new chain that verifiers do not know")
            }
        }
        let key = UnitSigningKey.generate()
        try FileSystem.writeAtomically(path, key.secretFileContents, mode: 0o600)
        try FileSystem.writeAtomically(publicPath(for: path), key.publicFileContents)
        return key
    }

    /// `unit.key` -> `unit.pub`.
    public static func publicPath(for secretPath: String) -> String {
        (secretPath.hasSuffix(".key") ? String(secretPath.dropLast(4)) : secretPath) + ".pub"
    }
}
