/// The maintenance shell's fixed command set, in the order `help` lists them: the names the
/// parser accepts and the line editor completes. Nothing outside this list ever runs.
public enum ShellCommands {
    public struct Entry: Sendable {
        public let usage: String
        public let summary: String

        /// The command's name: the first word of its usage.
        public var name: String { String(usage.split(separator: " ").first ?? "") }
    }

    public static let all: [Entry] = [
        Entry(usage: "help", summary: "these commands"),
        Entry(usage: "status", summary: "the daemon's state: camera, recording, lamps, store"),
        Entry(usage: "diag [--quick|--json]", summary: "check camera, lamps, store and clock"),
        Entry(usage: "lamp-test", summary: "light each lamp in turn"),
        Entry(usage: "snapshot", summary: "a coarse text picture of a redacted frame, brightness and focus, for aiming"),
        Entry(usage: "clips", summary: "list the stored clips (no content is shown)"),
        Entry(usage: "verify [CLIP]", summary: "check the signatures of all clips, or of one (name or number)"),
        Entry(usage: "hold CLIP", summary: "keep a clip from deletion until it is released (name or number)"),
        Entry(usage: "log [N]", summary: "the daemon's last N log lines (default 20, at most 500)"),
        Entry(usage: "date", summary: "the time, local and UTC"),
        Entry(usage: "set-time YYYY-MM-DD HH:MM:SS", summary: "set the clock, in UTC"),
        Entry(usage: "reboot", summary: "restart the unit (asks first)"),
        Entry(usage: "exit", summary: "end the session (also logout, Ctrl-D)"),
        Entry(usage: "logout", summary: "end the session"),
    ]

    public static var names: [String] { all.map { $0.name } }

    /// `help`'s text: one line per command, the usages aligned.
    public static var helpText: String {
        let width = all.reduce(0) { max($0, $1.usage.count) }
        var text = ""
        for entry in all {
            var usage = entry.usage
            while usage.count < width { usage += " " }
            text += "  " + usage + "  " + entry.summary + "\n"
        }
        return text
    }
}
