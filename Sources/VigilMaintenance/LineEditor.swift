/// The maintenance shell's line editor as a pure state machine: terminal input bytes in, the
/// bytes to echo and the finished lines out. No terminal is touched here, so every key is unit
/// tested; the caller writes `output` to the terminal and acts on `event`.
///
/// Only printable ASCII enters the line, at most `maximumLength` bytes (a bell past it).
/// History lives in this value only, at most `historyLimit` entries, and is never written anywhere.
public struct LineEditor {
    public static let maximumLength = ShellCommandLine.maximumLength
    public static let historyLimit = 100

    public enum Event: Equatable, Sendable {
        /// Enter: the line as typed (possibly empty).
        case submit([UInt8])
        /// Ctrl-D on an empty line.
        case endOfInput
    }

    public struct Step: Equatable, Sendable {
        public var output: [UInt8] = []
        public var event: Event?
    }

    public var prompt: [UInt8]
    public let completions: [String]
    public private(set) var line: [UInt8] = []
    public private(set) var cursor = 0
    public private(set) var history: [[UInt8]] = []
    /// Which history entry is shown; nil while editing a new line.
    private var historyIndex: Int?
    /// The new line put aside while browsing the history.
    private var draft: [UInt8] = []
    private var escape = EscapeState.none
    private var previousWasCarriageReturn = false

    private enum EscapeState {
        case none
        case started            // ESC
        case controlSequence([UInt8])  // ESC [ parameters
        case singleShift        // ESC O
    }

    static let bell: UInt8 = 0x07

    public init(prompt: String, completions: [String]) {
        self.prompt = Array(prompt.utf8)
        self.completions = completions
    }

    /// The prompt for a new, empty line.
    public mutating func startLine() -> [UInt8] {
        line = []
        cursor = 0
        historyIndex = nil
        draft = []
        return prompt
    }

    public mutating func feed(_ bytes: [UInt8]) -> [Step] {
        bytes.map { feed($0) }
    }

    /// Feeds `input` from the front up to and including the first finished line, removing what
    /// it used, and returns the echo of all of it as one output with each run of bells rung
    /// once. A paste or a flood of 4000 bytes is then one write per read, not one per byte:
    /// a virtio console drops what its host cannot take at once, and nobody needs 3744 bells.
    public mutating func feedUntilLine(_ input: inout [UInt8]) -> Step {
        var batch = Step()
        var used = 0
        while used < input.count && batch.event == nil {
            let step = feed(input[used])
            used += 1
            for byte in step.output where !(byte == Self.bell && batch.output.last == Self.bell) {
                batch.output.append(byte)
            }
            batch.event = step.event
        }
        input.removeFirst(used)
        return batch
    }

    public mutating func feed(_ byte: UInt8) -> Step {
        let afterCarriageReturn = previousWasCarriageReturn
        previousWasCarriageReturn = byte == 0x0d
        switch escape {
        case .none: break
        case .started:
            switch byte {
            case 0x5b: escape = .controlSequence([]); return Step()
            case 0x4f: escape = .singleShift; return Step()
            default: escape = .none; return Step()  // Alt-key or a lone ESC followed by a key: ignored whole
            }
        case .controlSequence(let parameters):
            if (0x20...0x3f).contains(byte) {
                // Parameters are kept only up to a length no known key needs, so garbage cannot grow memory.
                escape = .controlSequence(parameters.count < 8 ? parameters + [byte] : parameters)
                return Step()
            }
            escape = .none
            if (0x40...0x7e).contains(byte) { return controlSequence(parameters, final: byte) }
            return Step()  // a control byte inside a sequence: the sequence is broken, drop both
        case .singleShift:
            escape = .none
            return singleShift(byte)
        }
        switch byte {
        case 0x1b: escape = .started; return Step()
        case 0x0d: return submit()
        case 0x0a: return afterCarriageReturn ? Step() : submit()  // CR LF from a paste is one Enter
        case 0x20...0x7e: return insert(byte)
        case 0x7f, 0x08: return backspace()
        case 0x01: return moveCursor(to: 0)
        case 0x05: return moveCursor(to: line.count)
        case 0x03:
            line = []
            cursor = 0
            historyIndex = nil
            return Step(output: Array("^C\r\n".utf8) + prompt)
        case 0x04: return line.isEmpty ? Step(output: Array("\r\n".utf8), event: .endOfInput) : deleteAtCursor()
        case 0x0b:
            line.removeSubrange(cursor...)
            return redraw()
        case 0x0c: return Step(output: Array("\u{1b}[H\u{1b}[2J".utf8) + rendering())
        case 0x15:
            line = []
            cursor = 0
            return redraw()
        case 0x17: return deleteWord()
        case 0x09: return complete()
        default: return Step(output: [Self.bell])
        }
    }

    private mutating func controlSequence(_ parameters: [UInt8], final: UInt8) -> Step {
        switch (parameters, final) {
        case ([], 0x41): return historyStep(back: true)
        case ([], 0x42): return historyStep(back: false)
        case ([], 0x43): return moveCursor(to: min(cursor + 1, line.count))
        case ([], 0x44): return moveCursor(to: max(cursor - 1, 0))
        case ([], 0x48), ([0x31], 0x7e), ([0x37], 0x7e): return moveCursor(to: 0)
        case ([], 0x46), ([0x34], 0x7e), ([0x38], 0x7e): return moveCursor(to: line.count)
        case ([0x33], 0x7e): return deleteAtCursor()
        default: return Step()
        }
    }

    private mutating func singleShift(_ byte: UInt8) -> Step {
        switch byte {
        case 0x41: historyStep(back: true)
        case 0x42: historyStep(back: false)
        case 0x43: moveCursor(to: min(cursor + 1, line.count))
        case 0x44: moveCursor(to: max(cursor - 1, 0))
        case 0x48: moveCursor(to: 0)
        case 0x46: moveCursor(to: line.count)
        default: Step()
        }
    }

    private mutating func submit() -> Step {
        let entered = line
        if !entered.isEmpty && history.last != entered {
            history.append(entered)
            if history.count > Self.historyLimit { history.removeFirst() }
        }
        line = []
        cursor = 0
        historyIndex = nil
        draft = []
        return Step(output: Array("\r\n".utf8), event: .submit(entered))
    }

    private mutating func insert(_ byte: UInt8) -> Step {
        guard line.count < Self.maximumLength else { return Step(output: [Self.bell]) }
        line.insert(byte, at: cursor)
        cursor += 1
        // Typing at the end, the usual case, needs only the echo.
        return cursor == line.count ? Step(output: [byte]) : redraw()
    }

    private mutating func backspace() -> Step {
        guard cursor > 0 else { return Step(output: [Self.bell]) }
        line.remove(at: cursor - 1)
        cursor -= 1
        return redraw()
    }

    private mutating func deleteAtCursor() -> Step {
        guard cursor < line.count else { return Step(output: [Self.bell]) }
        line.remove(at: cursor)
        return redraw()
    }

    /// Ctrl-W: the spaces before the cursor, then the word before them.
    private mutating func deleteWord() -> Step {
        var start = cursor
        while start > 0 && line[start - 1] == 0x20 { start -= 1 }
        while start > 0 && line[start - 1] != 0x20 { start -= 1 }
        line.removeSubrange(start..<cursor)
        cursor = start
        return redraw()
    }

    private mutating func moveCursor(to position: Int) -> Step {
        cursor = position
        return redraw()
    }

    private mutating func historyStep(back: Bool) -> Step {
        if back {
            guard !history.isEmpty, historyIndex != 0 else { return Step(output: [Self.bell]) }
            if historyIndex == nil { draft = line }
            historyIndex = (historyIndex ?? history.count) - 1
            line = history[historyIndex!]
        } else {
            guard let index = historyIndex else { return Step(output: [Self.bell]) }
            if index + 1 < history.count {
                historyIndex = index + 1
                line = history[index + 1]
            } else {
                historyIndex = nil
                line = draft
            }
        }
        cursor = line.count
        return redraw()
    }

    /// Tab completes the command name (the first word) only: arguments are clip names and
    /// numbers the technician reads from `clips`.
    private mutating func complete() -> Step {
        let typed = Array(line[0..<cursor])
        guard !typed.contains(0x20) else { return Step(output: [Self.bell]) }
        let candidates = completions.filter { Array($0.utf8).starts(with: typed) }
        if candidates.count == 1 {
            let completed = Array(candidates[0].utf8) + [0x20]
            let rest = line[cursor...].drop { $0 != 0x20 }.drop { $0 == 0x20 }
            guard completed.count + rest.count <= Self.maximumLength else { return Step(output: [Self.bell]) }
            line = completed + rest
            cursor = completed.count
            return redraw()
        }
        guard !candidates.isEmpty else { return Step(output: [Self.bell]) }
        var listing = Array("\r\n".utf8)
        listing += Array(candidates.joined(separator: "  ").utf8)
        listing += Array("\r\n".utf8)
        return Step(output: listing + rendering())
    }

    private func redraw() -> Step { Step(output: [0x0d] + rendering()) }

    /// Prompt and line, the rest of the screen line cleared, the cursor put back in place.
    private func rendering() -> [UInt8] {
        var bytes = prompt + line + Array("\u{1b}[K".utf8)
        let back = line.count - cursor
        if back > 0 { bytes += Array(("\u{1b}[" + String(back) + "D").utf8) }
        return bytes
    }
}
