import VigilDevices

/// Clips under review, which neither retention nor the quota may delete: the numbers in the
/// directory's `holds` file, rewritten atomically.
public enum HoldList {
    public static let fileName = "holds"
    static let label = "vigil-holds-v1"

    public static func load(directory: String) throws(DeviceError) -> [UInt64] {
        let path = directory + "/" + fileName
        guard FileSystem.exists(path) else { return [] }
        let words = String(decoding: try FileSystem.readFile(path, limit: 1 << 20), as: UTF8.self).split(whereSeparator: { $0 == " " || $0 == "\n" })
        guard words.first == Substring(label) else { throw DeviceError("read " + path, hint: "the holds file is damaged; restore it or remove it") }
        return words.dropFirst().compactMap { UInt64($0) }
    }

    public static func set(_ clipNumber: UInt64, held: Bool, directory: String) throws(DeviceError) {
        var numbers = try load(directory: directory).filter { $0 != clipNumber }
        if held { numbers.append(clipNumber) }
        var text = label
        for number in numbers.sorted() { text += " " + String(number) }
        try FileSystem.writeAtomically(directory + "/" + fileName, Array((text + "\n").utf8))
    }
}
