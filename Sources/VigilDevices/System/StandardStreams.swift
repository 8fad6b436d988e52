import CSystem

/// Output for the command line. `print` only reaches stdout; errors belong on stderr.
public enum StandardStreams {
    /// Line-buffers stdout: it is fully buffered when piped (serial logs, tests), and a
    /// trapping firmware would otherwise take its last lines with it.
    public static func lineBufferStandardOutput() { vigil_line_buffer_stdout() }

    public static func writeError(_ text: String) {
        var line = text
        if !line.hasSuffix("\n") { line += "\n" }
        vigil_write_stderr(line)
    }

    public static func flush() { vigil_flush_stdout() }
}
