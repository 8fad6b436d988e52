/// Lines from standard input when it is not a terminal (a pipe, sshd without a pty): split at
/// "\n", a trailing "\r" dropped. A line longer than `maximumLength` is not kept: the rest of it
/// is read and thrown away up to its newline and it comes out as `.tooLong`, so memory stays
/// bounded whatever arrives.
public struct PlainLineReader {
    public enum Line: Equatable, Sendable {
        case line([UInt8])
        /// How many bytes the line had, before they were discarded.
        case tooLong(Int)
    }

    public let maximumLength: Int
    private var pending: [UInt8] = []
    private var discarded = 0

    public init(maximumLength: Int = ShellCommandLine.maximumLength) {
        self.maximumLength = maximumLength
    }

    public mutating func feed(_ bytes: [UInt8]) -> [Line] {
        var lines: [Line] = []
        for byte in bytes {
            if byte == 0x0a {
                lines.append(finish())
            } else if discarded > 0 {
                discarded += 1
            } else if pending.count < maximumLength + 1 {
                // One byte past the limit is kept for a trailing "\r" (CR LF); beyond, it is too long.
                pending.append(byte)
            } else {
                discarded = pending.count + 1
                pending = []
            }
        }
        return lines
    }

    /// What is left at end of input: a last line without "\n", if any.
    public mutating func finishInput() -> Line? {
        pending.isEmpty && discarded == 0 ? nil : finish()
    }

    private mutating func finish() -> Line {
        defer {
            pending = []
            discarded = 0
        }
        if discarded > 0 { return .tooLong(discarded) }
        var line = pending
        if line.last == 0x0d { line.removeLast() }
        return line.count > maximumLength ? .tooLong(line.count) : .line(line)
    }
}
