import CSystem
import Testing

/// Real footage from ../shared/data, decoded by Debian's ffmpeg for the tests that read it.
enum Footage {
    static let data = String(#filePath.split(separator: "/").dropLast(3).joined(separator: "/")).withLeadingSlash + "/../shared/data"

    /// Decodes `clip` (relative to ../shared/data) into a temporary .y4m file and returns its
    /// path; the caller unlinks it. Tests run in parallel, so each `tag` gets its own file.
    static func decode(_ clip: String, pixelFormat: String = "gray", tag: String) throws -> String {
        let out = "/tmp/vigil-test-\(getpid())-\(tag).y4m"
        let status = system("ffmpeg -loglevel error -y -i '\(data)/\(clip)' -f yuv4mpegpipe -pix_fmt \(pixelFormat) '\(out)'")
        try #require(status == 0, "ffmpeg failed on \(clip); is ffmpeg installed (scripts/install-deps.sh)?")
        return out
    }
}

private extension String {
    var withLeadingSlash: String { hasPrefix("/") ? self : "/" + self }
}
