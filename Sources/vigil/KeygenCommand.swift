import CSystem
import VigilCore
import VigilDevices
import VigilEvidence

let keygenCommand = Command(
    spec: CommandSpec(
        name: "keygen", summary: "make a reviewer key pair: NAME.pub for the unit, NAME.key for the reviewer alone",
        options: [OptionSpec("out", value: "NAME", help: "write NAME.pub and NAME.key (required; existing files are never overwritten)")],
        details: """
            A unit seals each clip's key in shares to two or more reviewers' public keys; any two
            reviewers' NAME.key files together open a clip (vigil open), no one alone can.
            NAME.key is written with mode 0600 and is not protected by a passphrase: keep it on
            the reviewer's own encrypted storage.
            """),
    run: { arguments throws(UsageError) in
        guard let name = arguments.value("out") else { throw .refused(command: "keygen", message: "--out NAME is required") }
        let key = ReviewerSecretKey.generate()
        for path in [name + ".key", name + ".pub"] where FileSystem.exists(path) {
            StandardStreams.writeError("vigil keygen: " + path + " exists; choose another NAME or move the old key away")
            return 1
        }
        do throws(DeviceError) {
            try write(name + ".key", key.fileContents, mode: 0o600)
            try write(name + ".pub", key.publicKey.fileContents, mode: 0o644)
        } catch {
            StandardStreams.writeError("vigil keygen: " + error.message)
            return 1
        }
        print("reviewer key " + key.publicKey.fingerprint + ": " + name + ".pub (give it to the unit), " + name + ".key (keep it secret)")
        return 0
    })

/// Creates `path` exclusively with `mode` and writes `contents` durably.
private func write(_ path: String, _ contents: [UInt8], mode: UInt32) throws(DeviceError) {
    let fd = try FileSystem.open(path, flags: O_WRONLY | O_CREAT | O_EXCL, mode: mode)
    if case .failure(let error) = contents.withUnsafeBytes({ fd.write($0) }) { throw DeviceError("write " + path, errno: error, hint: "") }
    if let error = fd.sync() { throw DeviceError("fsync " + path, errno: error, hint: "") }
}
