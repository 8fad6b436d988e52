/// The last lines of the daemon's log, which is rotated to FILE.1 when it reaches 64 KB: the
/// rotated file's lines come first, so a tail right after a rotation is still complete.
public enum LogTail {
    public static func lastLines(_ count: Int, previous: [UInt8], current: [UInt8]) -> [[UInt8]] {
        let lines = splitLines(previous) + splitLines(current)
        return Array(lines.suffix(count))
    }

    /// A log line as it may be shown on the technician's terminal: tabs kept, other control and
    /// non-ASCII bytes escaped, so a log line cannot drive the terminal.
    public static func displayable(_ line: [UInt8]) -> String {
        var text: [UInt8] = []
        for byte in line {
            if byte == 0x09 || (0x20..<0x7f).contains(byte) { text.append(byte) } else { text += Array(AuditText.hexEscape(byte).utf8) }
        }
        return String(decoding: text, as: UTF8.self)
    }

    private static func splitLines(_ bytes: [UInt8]) -> [[UInt8]] {
        var lines = bytes.split(separator: 0x0a, omittingEmptySubsequences: false).map { Array($0) }
        if lines.last?.isEmpty == true { lines.removeLast() }
        return lines
    }
}
