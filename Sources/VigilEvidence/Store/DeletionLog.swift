import CSystem
import VigilDevices

/// The governor's record of every clip it deleted, one signed line each, so that `vigil verify`
/// can tell a gap left by retention, the quota or a full filesystem from an unexplained one.
/// Appended (and fsynced) before the clip is deleted; a line whose signature fails explains
/// nothing. Room for the next line is claimed ahead, so that a deletion can still be logged
/// when the filesystem is full.
public enum DeletionLog {
    public static let fileName = "deletions"
    static let label = "vigil-deletion-v1"

    public struct Entry: Equatable, Sendable {
        public let clipNumber: UInt64
        public let reason: String
        public let milliseconds: Int64
    }

    static func signedText(_ number: UInt64, _ reason: String, _ milliseconds: Int64) -> String {
        label + " " + String(number) + " " + reason + " " + String(milliseconds)
    }

    /// Room claimed for one line: the longest is about 200 bytes.
    static let lineRoom = 256

    public static func append(directory: String, clipNumber: UInt64, reason: String, milliseconds: Int64, unit: UnitSigningKey,
                              filesystem: StoreFilesystem = .system) throws(DeviceError) {
        let text = signedText(clipNumber, reason, milliseconds)
        let line = Array((text + " " + Hex.encode(unit.sign(Array(text.utf8))) + "\n").utf8)
        let path = directory + "/" + fileName
        let fd = try FileSystem.open(path, flags: O_WRONLY | O_CREAT | O_APPEND, mode: 0o644)
        if case .failure(let error) = line.withUnsafeBytes({ fd.write($0) }) { throw DeviceError("write " + path, errno: error, hint: "is the flash full?") }
        if let error = fd.sync() { throw DeviceError("fsync " + path, errno: error, hint: "") }
        claimRoom(fd, filesystem)
    }

    /// Creates the log if it is missing and claims room for its next line.
    public static func claimRoom(directory: String, filesystem: StoreFilesystem = .system) throws(DeviceError) {
        claimRoom(try FileSystem.open(directory + "/" + fileName, flags: O_WRONLY | O_CREAT | O_APPEND, mode: 0o644), filesystem)
    }

    /// Best effort: the claim fails only on a filesystem already full, and then the next line
    /// may find no room.
    private static func claimRoom(_ fd: borrowing FileDescriptor, _ filesystem: StoreFilesystem) {
        guard case .success(let size) = fd.size() else { return }
        _ = filesystem.reserve(fd, size, lineRoom)
    }

    /// The entries whose signature verifies with `unitKey`.
    public static func entries(directory: String, unitKey: [UInt8]) throws(DeviceError) -> [Entry] {
        let path = directory + "/" + fileName
        guard FileSystem.exists(path) else { return [] }
        var entries: [Entry] = []
        for line in String(decoding: try FileSystem.readFile(path, limit: 16 << 20), as: UTF8.self).split(separator: "\n") {
            let words = line.split(separator: " ")
            guard words.count == 5, words[0] == label, let number = UInt64(words[1]), let milliseconds = Int64(words[3]),
                  let signature = Hex.decode(words[4]) else { continue }
            let reason = String(words[2])
            guard Sodium.verify(signature, of: Array(signedText(number, reason, milliseconds).utf8), publicKey: unitKey) else { continue }
            entries.append(Entry(clipNumber: number, reason: reason, milliseconds: milliseconds))
        }
        return entries
    }
}
