/// The values configuration keys share, parsed the same way in every section.
public enum ConfigValue {
    /// `yes` or `no`, as the file writes a switch; nil for anything else.
    public static func flag(_ text: String) -> Bool? {
        switch text {
        case "yes": return true
        case "no": return false
        default: return nil
        }
    }

    public static func flagText(_ value: Bool) -> String { value ? "yes" : "no" }

    /// A whole number in `range`, or nil.
    public static func integer(_ text: String, in range: ClosedRange<Int>) -> Int? {
        guard let number = Int(text), range.contains(number) else { return nil }
        return number
    }

    /// One word of visible ASCII, at most `maximumLength` bytes: what a GPIO line name or a
    /// POSIX TZ string is written with (no spaces, no control characters).
    public static func isWord(_ text: String, maximumLength: Int) -> Bool {
        let bytes = text.utf8
        return !bytes.isEmpty && bytes.count <= maximumLength && bytes.allSatisfy { (0x21...0x7E).contains($0) }
    }
}
