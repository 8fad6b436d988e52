import VigilDevices

/// The newest clip of the unit's chain: its number and header hash. The next clip takes the
/// next number and links to that hash, so a deleted or swapped clip shows as a gap or a break.
/// Kept in the directory's `chain` file (rewritten atomically), so the chain survives even when
/// every clip has been deleted.
public struct ChainTip: Equatable, Sendable {
    public var clipNumber: UInt64
    public var headerHash: [UInt8]

    public static let empty = ChainTip(clipNumber: 0, headerHash: [UInt8](repeating: 0, count: Sodium.hashBytes))
    static let label = "vigil-chain-v1"

    public var fileContents: [UInt8] { Array((ChainTip.label + " " + String(clipNumber) + " " + Hex.encode(headerHash) + "\n").utf8) }

    public static func parse(_ contents: [UInt8]) -> ChainTip? {
        let words = String(decoding: contents, as: UTF8.self).split(whereSeparator: { $0 == " " || $0 == "\n" })
        guard words.count == 3, words[0] == label, let number = UInt64(words[1]), let hash = Hex.decode(words[2]),
              hash.count == Sodium.hashBytes else { return nil }
        return ChainTip(clipNumber: number, headerHash: hash)
    }

    /// The tip recorded in `directory`: the `chain` file, or a clip newer than it (a crash can
    /// come between writing a clip's header and updating the file).
    public static func load(directory: String) throws(DeviceError) -> ChainTip {
        var tip = ChainTip.empty
        let path = directory + "/" + ClipNames.chain
        if FileSystem.exists(path) {
            guard let recorded = parse(try FileSystem.readFile(path, limit: 4096)) else {
                throw DeviceError("read " + path, hint: "the chain file is damaged; restore it from a backup or move it away to start a new chain")
            }
            tip = recorded
        }
        for name in try FileSystem.list(directory) {
            guard let number = ClipNames.number(in: name), number > tip.clipNumber else { continue }
            let bytes = try FileSystem.readPrefix(directory + "/" + name, count: ClipHeader.encodedLength(recipients: ClipHeader.recipientLimit.upperBound))
            if case .success(let header) = ClipHeader.decode(bytes) { tip = ChainTip(clipNumber: number, headerHash: header.hash) }
        }
        return tip
    }

    public func save(directory: String) throws(DeviceError) {
        try FileSystem.writeAtomically(directory + "/" + ClipNames.chain, fileContents)
    }
}
