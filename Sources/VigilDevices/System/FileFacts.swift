import CSystem

/// A file's permission bits and age, for checks that keys are private and status is fresh.
public enum FileFacts {
    /// The permission bits (0o600 ...), nil when the file cannot be looked at.
    public static func permissions(_ path: String) -> Int? {
        let mode = vigil_file_mode(path)
        return mode < 0 ? nil : Int(mode)
    }

    public static func modifiedEpochMilliseconds(_ path: String) -> Int64? {
        let milliseconds = vigil_file_mtime_ms(path)
        return milliseconds < 0 ? nil : milliseconds
    }

    /// "0640"
    public static func octal(_ mode: Int) -> String {
        var text = String(mode, radix: 8)
        while text.count < 4 { text = "0" + text }
        return text
    }
}
