import VigilCore

/// Parsers of the kernel's text files under /proc and /sys. Pure, so they are tested on
/// captured text; `BoardFacts` reads the files.
public enum ProcText {
    /// The 1-minute load of /proc/loadavg ("0.52 0.58 0.59 1/123 456") in hundredths.
    public static func loadHundredths(_ text: String) -> Int? {
        guard let first = text.split(separator: " ").first else { return nil }
        return JSONValue.number(String(first)).scaled(fractionDigits: 2)
    }

    /// A "Key:   1234 kB" line of /proc/meminfo, in kB.
    public static func meminfoKilobytes(_ text: String, key: String) -> Int? {
        for line in text.split(separator: "\n") where line.hasPrefix(key + ":") {
            let fields = line.split(separator: " ")
            return fields.count >= 2 ? Int(fields[1]) : nil
        }
        return nil
    }

    /// The seconds since boot of /proc/uptime ("12345.67 2345.67").
    public static func uptimeSeconds(_ text: String) -> Int? {
        guard let first = text.split(separator: " ").first, let whole = first.split(separator: ".").first else { return nil }
        return Int(whole)
    }

    /// The mount holding `path`, from /proc/self/mountinfo: the longest mount point that is a
    /// prefix of it, with its filesystem type.
    public static func mount(of path: String, mountinfo text: String) -> (mountPoint: String, type: String)? {
        var best: (mountPoint: String, type: String)? = nil
        for line in text.split(separator: "\n") {
            let fields = line.split(separator: " ")
            guard fields.count >= 9, let separator = fields.firstIndex(of: "-"), separator + 1 < fields.count else { continue }
            let mountPoint = unescape(String(fields[4]))
            let covers = mountPoint == "/" || path == mountPoint || path.hasPrefix(mountPoint + "/")
            if covers && mountPoint.count >= (best?.mountPoint.count ?? 0) { best = (mountPoint, String(fields[separator + 1])) }
        }
        return best
    }

    /// mountinfo writes a space in a path as \040.
    static func unescape(_ field: String) -> String {
        var out = ""
        var rest = Substring(field)
        while let index = rest.firstIndex(of: "\\") {
            out += rest[rest.startIndex..<index]
            let code = rest[rest.index(after: index)...].prefix(3)
            if code.count == 3, let value = UInt8(code, radix: 8) {
                out += String(Character(Unicode.Scalar(value)))
                rest = rest[rest.index(index, offsetBy: 4)...]
            } else {
                out += "\\"
                rest = rest[rest.index(after: index)...]
            }
        }
        return out + rest
    }
}
