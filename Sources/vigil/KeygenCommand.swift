import CSystem
import VigilCore
import VigilDevices
import VigilEvidence

let keygenCommand = Command(
    spec: CommandSpec(
        name: "keygen", summary: "make a reviewer key pair: NAME.pub for the unit, NAME.key for the reviewer alone",
        options: [
            OptionSpec("out", value: "NAME", help: "write NAME.pub and NAME.key (required; existing files are never overwritten)"),
            OptionSpec("passphrase", help: "protect NAME.key with a passphrase, asked twice on the terminal"),
            OptionSpec("passphrase-file", value: "FILE", help: "protect NAME.key with the passphrase on FILE's first line"),
        ],
        details: """
            A unit seals each clip's key in shares to two or more reviewers' public keys; any two
            reviewers' NAME.key files together open a clip (vigil open), no one alone can.
            NAME.key is written with mode 0600. With a passphrase (at least 8 characters) it is
            sealed under a key derived from it by Argon2id, and vigil open asks for it; without
            one, keep NAME.key on the reviewer's own encrypted storage.
            """),
    run: { arguments throws(UsageError) in
        guard let name = arguments.value("out") else { throw .refused(command: "keygen", message: "--out NAME is required") }
        var passphrase = try keygenPassphrase(asked: arguments.flag("passphrase"), file: arguments.value("passphrase-file"))
        defer { if passphrase != nil { Sodium.wipe(&passphrase!) } }
        let key = ReviewerSecretKey.generate()
        for path in [name + ".key", name + ".pub"] where FileSystem.exists(path) {
            StandardStreams.writeError("vigil keygen: " + path + " exists; choose another NAME or move the old key away")
            return 1
        }
        do throws(DeviceError) {
            try write(name + ".key", passphrase.map { PassphraseSealedKey.seal(key, passphrase: $0) } ?? key.fileContents, mode: 0o600)
            try write(name + ".pub", key.publicKey.fileContents, mode: 0o644)
        } catch {
            StandardStreams.writeError("vigil keygen: " + error.message)
            return 1
        }
        let protection = passphrase == nil ? "" : ", protected by the passphrase"
        print("reviewer key " + key.publicKey.fingerprint + ": " + name + ".pub (give it to the unit), " + name + ".key (keep it secret" + protection + ")")
        return 0
    })

/// The passphrase to seal the new key with, if one was asked for: from the file, or typed
/// twice on the terminal.
private func keygenPassphrase(asked: Bool, file: String?) throws(UsageError) -> [UInt8]? {
    var passphrase: [UInt8]
    if let file {
        guard !asked else { throw .refused(command: "keygen", message: "give --passphrase or --passphrase-file FILE, not both") }
        switch Passphrase.firstLine(of: file) {
        case .success(let line): passphrase = line
        case .failure(let error): throw .refused(command: "keygen", message: error.message)
        }
    } else if asked {
        guard Passphrase.canAsk, let first = Passphrase.ask("passphrase for the new key: ") else {
            throw .refused(command: "keygen", message: "--passphrase asks on a terminal and standard input is none; use --passphrase-file FILE")
        }
        passphrase = first
        var again = Passphrase.ask("the same passphrase again: ") ?? []
        defer { Sodium.wipe(&again) }
        guard again == passphrase else {
            Sodium.wipe(&passphrase)
            throw .refused(command: "keygen", message: "the two passphrases differ; run vigil keygen again")
        }
    } else {
        return nil
    }
    guard passphrase.count >= Passphrase.minimumLength else {
        Sodium.wipe(&passphrase)
        throw .refused(command: "keygen", message: "the passphrase is shorter than \(Passphrase.minimumLength) characters; choose a longer one")
    }
    return passphrase
}

/// Creates `path` exclusively with `mode` and writes `contents` durably.
private func write(_ path: String, _ contents: [UInt8], mode: UInt32) throws(DeviceError) {
    let fd = try FileSystem.open(path, flags: O_WRONLY | O_CREAT | O_EXCL, mode: mode)
    if case .failure(let error) = contents.withUnsafeBytes({ fd.write($0) }) { throw DeviceError("write " + path, errno: error, hint: "") }
    if let error = fd.sync() { throw DeviceError("fsync " + path, errno: error, hint: "") }
}
