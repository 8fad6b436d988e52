/// Text from outside (typed lines, environment) made safe for one line of a log or a terminal:
/// control and non-ASCII bytes as \xNN, quotes and backslashes escaped, so a line cannot forge
/// a second audit entry or send escape sequences to whoever reads the log.
public enum AuditText {
    public static func escaped(_ bytes: [UInt8]) -> String {
        var text: [UInt8] = []
        for byte in bytes {
            switch byte {
            case 0x22, 0x5c: text += [0x5c, byte]
            case 0x20..<0x7f: text.append(byte)
            default: text += Array(hexEscape(byte).utf8)
            }
        }
        return String(decoding: text, as: UTF8.self)
    }

    /// "\x1b".
    public static func hexEscape(_ byte: UInt8) -> String {
        let digits: [Character] = ["0", "1", "2", "3", "4", "5", "6", "7", "8", "9", "a", "b", "c", "d", "e", "f"]
        return "\\x" + String(digits[Int(byte >> 4)]) + String(digits[Int(byte & 0x0f)])
    }

    /// At most `limit` characters, "..." marking a cut.
    public static func truncated(_ text: String, to limit: Int) -> String {
        text.count <= limit ? text : String(text.prefix(limit)) + "..."
    }
}

/// One line of the audit log:
/// `2026-12-02T07:10:00Z user=technician tty=/dev/ttyS0 from=192.0.2.7 "hold 42" -> ok`.
public struct AuditEntry: Sendable {
    public let epochSeconds: Int64
    public let user: String
    public let terminal: String
    public let origin: String
    public let line: [UInt8]
    public let outcome: String

    public init(epochSeconds: Int64, user: String, terminal: String, origin: String, line: [UInt8], outcome: String) {
        self.epochSeconds = epochSeconds
        self.user = user
        self.terminal = terminal
        self.origin = origin
        self.line = line
        self.outcome = outcome
    }

    public var text: String {
        UTCDateTime.timestamp(epochSeconds: epochSeconds) + " user=" + field(user) + " tty=" + field(terminal) + " from=" + field(origin)
            + " \"" + AuditText.escaped(line) + "\" -> " + outcome + "\n"
    }

    /// A field without spaces or quotes, so the line splits the same way every time.
    private func field(_ value: String) -> String {
        let safe = AuditText.escaped(Array(value.utf8))
        return String(decoding: safe.utf8.map { $0 == 0x20 || $0 == 0x22 ? 0x5f : $0 }, as: UTF8.self)
    }
}
