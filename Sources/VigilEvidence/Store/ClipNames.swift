/// File names in a clip directory: `clip-00000042.vclip`, and `.partial` while it is written.
public enum ClipNames {
    public static let closedSuffix = ".vclip"
    public static let partialSuffix = ".vclip.partial"
    public static let unitKey = "unit.key"
    public static let unitPublicKey = "unit.pub"
    public static let chain = "chain"

    public static func closed(_ number: UInt64) -> String { "clip-" + padded(number) + closedSuffix }
    public static func partial(_ number: UInt64) -> String { "clip-" + padded(number) + partialSuffix }

    /// The clip number in a clip or partial file name, or nil for any other name.
    public static func number(in name: String) -> UInt64? {
        guard name.hasPrefix("clip-") else { return nil }
        let stem: Substring
        if name.hasSuffix(partialSuffix) {
            stem = name.dropFirst(5).dropLast(partialSuffix.count)
        } else if name.hasSuffix(closedSuffix) {
            stem = name.dropFirst(5).dropLast(closedSuffix.count)
        } else {
            return nil
        }
        return UInt64(stem)
    }

    private static func padded(_ number: UInt64) -> String {
        var text = String(number)
        while text.count < 8 { text = "0" + text }
        return text
    }
}
