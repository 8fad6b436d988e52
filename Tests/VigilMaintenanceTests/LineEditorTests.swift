import Testing
import VigilMaintenance

/// The line editor as bytes in, line and screen bytes out: every key without a terminal.
@Suite struct LineEditorTests {
    private func editor() -> LineEditor {
        var editor = LineEditor(prompt: "vigil> ", completions: ["help", "status", "diag", "lamp-test", "log", "logout", "exit"])
        _ = editor.startLine()
        return editor
    }

    private func text(_ editor: LineEditor) -> String { String(decoding: editor.line, as: UTF8.self) }

    /// Feeds `input` and returns the lines submitted.
    @discardableResult
    private func type(_ input: String, into editor: inout LineEditor) -> [String] {
        editor.feed(Array(input.utf8)).compactMap { step in
            if case .submit(let line)? = step.event { return String(decoding: line, as: UTF8.self) }
            return nil
        }
    }

    @Test func typedTextIsEchoedAndEnterSubmitsIt() {
        var editor = editor()
        let steps = editor.feed(Array("help".utf8))
        #expect(steps.map { $0.output } == [[0x68], [0x65], [0x6c], [0x70]], "plain typing at the end echoes each byte")
        let enter = editor.feed(0x0d)
        #expect(enter.event == .submit(Array("help".utf8)))
        #expect(enter.output == Array("\r\n".utf8))
        #expect(editor.line.isEmpty)
        #expect(type("\r\n", into: &editor) == [""], "CR LF is one Enter, not two")
    }

    @Test func arrowsHomeEndAndDeleteEditInTheMiddle() {
        var editor = editor()
        type("diag", into: &editor)
        type("\u{1b}[D\u{1b}[D", into: &editor)
        #expect(editor.cursor == 2)
        type("X", into: &editor)
        #expect(text(editor) == "diXag")
        type("\u{1b}[H", into: &editor)
        #expect(editor.cursor == 0)
        type("\u{1b}[3~", into: &editor)
        #expect(text(editor) == "iXag")
        type("\u{1b}[F", into: &editor)
        #expect(editor.cursor == 4)
        type("\u{1b}OH", into: &editor)
        #expect(editor.cursor == 0)
        type("\u{1b}OF\u{1b}[C", into: &editor)
        #expect(editor.cursor == 4, "right arrow stops at the end")
        type("\u{01}", into: &editor)
        #expect(editor.cursor == 0, "Ctrl-A")
        type("\u{05}\u{7f}\u{08}", into: &editor)
        #expect(text(editor) == "iX" && editor.cursor == 2, "Ctrl-E, then Backspace as 0x7f and as 0x08")
        let redraw = editor.feed(Array("\u{1b}[D".utf8)).last!.output
        #expect(redraw == Array("\rvigil> iX\u{1b}[K\u{1b}[1D".utf8), "a redraw puts the cursor back one column left of the end")
    }

    @Test func controlKeysCutAndCancel() {
        var editor = editor()
        type("hold clip-1 42", into: &editor)
        type("\u{17}", into: &editor)
        #expect(text(editor) == "hold clip-1 ", "Ctrl-W removes the word before the cursor")
        type("\u{17}\u{17}", into: &editor)
        #expect(text(editor) == "")
        type("verify 42", into: &editor)
        type("\u{1b}[D\u{1b}[D\u{0b}", into: &editor)
        #expect(text(editor) == "verify ", "Ctrl-K cuts to the end")
        type("\u{15}", into: &editor)
        #expect(text(editor) == "", "Ctrl-U clears the line")
        type("status", into: &editor)
        let cancel = editor.feed(0x03)
        #expect(cancel.event == nil && editor.line.isEmpty)
        #expect(cancel.output == Array("^C\r\nvigil> ".utf8), "Ctrl-C drops the line and prompts again")
        let clear = editor.feed(0x0c)
        #expect(clear.output.starts(with: Array("\u{1b}[H\u{1b}[2Jvigil> ".utf8)), "Ctrl-L redraws on a clear screen")
    }

    @Test func controlDEndsOnlyAnEmptyLine() {
        var editor = editor()
        type("logx", into: &editor)
        type("\u{1b}[D", into: &editor)
        let delete = editor.feed(0x04)
        #expect(delete.event == nil && text(editor) == "log", "Ctrl-D on text deletes under the cursor")
        type("\u{15}", into: &editor)
        #expect(editor.feed(0x04).event == .endOfInput)
    }

    @Test func historyGoesBackAndForthAndKeepsTheDraft() {
        var editor = editor()
        type("help\rstatus\rstatus\rdiag\r", into: &editor)
        #expect(editor.history.map { String(decoding: $0, as: UTF8.self) } == ["help", "status", "diag"], "a repeat is kept once")
        type("lo", into: &editor)
        type("\u{1b}[A", into: &editor)
        #expect(text(editor) == "diag")
        type("\u{1b}[A\u{1b}[A", into: &editor)
        #expect(text(editor) == "help")
        #expect(editor.feed(Array("\u{1b}[A".utf8)).last!.output == [0x07], "bell at the oldest entry")
        type("\u{1b}[B", into: &editor)
        #expect(text(editor) == "status")
        type("\u{1b}[B\u{1b}[B", into: &editor)
        #expect(text(editor) == "lo", "past the newest entry the draft comes back")
        #expect(type("\u{1b}OA\r", into: &editor) == ["diag"], "an entry from the history is submitted as shown")
    }

    @Test func historyKeepsTheLastHundredLines() {
        var editor = editor()
        for number in 0..<150 { type("log \(number)\r", into: &editor) }
        #expect(editor.history.count == 100)
        #expect(editor.history.first == Array("log 50".utf8))
    }

    @Test func tabCompletesAUniqueCommandAndListsAmbiguousOnes() {
        var editor = editor()
        type("st\t", into: &editor)
        #expect(text(editor) == "status " && editor.cursor == 7)
        type("\u{15}lo\t", into: &editor)
        #expect(text(editor) == "lo", "log and logout: nothing completed")
        let listing = editor.feed(Array("\t".utf8)).last!.output
        #expect(listing == Array("\r\nlog  logout\r\nvigil> lo\u{1b}[K".utf8), "the candidates, then the line again")
        type("\u{15}x\t", into: &editor)
        #expect(text(editor) == "x")
        type("\u{15}diag \t", into: &editor)
        #expect(text(editor) == "diag ", "no completion of arguments")
    }

    @Test func unknownEscapeSequencesLeaveNothingBehind() {
        var editor = editor()
        type("ab", into: &editor)
        type("\u{1b}[15~\u{1b}[1;5C\u{1b}[200~\u{1b}x\u{1b}OP\u{1b}[Z", into: &editor)
        #expect(text(editor) == "ab", "F5, Ctrl-Right, bracketed paste, Alt-x, F1, Shift-Tab ignored whole")
        type("\u{1b}[1234567890123456789012345678901234567890A", into: &editor)
        #expect(text(editor) == "ab", "an overlong parameter list is swallowed too")
        type("c", into: &editor)
        #expect(text(editor) == "abc", "typing goes on normally after them")
    }

    @Test func nonASCIIAndOtherControlBytesAreNotInserted() {
        var editor = editor()
        let steps = editor.feed([0xc3, 0xa4, 0x00, 0x1f])
        #expect(editor.line.isEmpty)
        #expect(steps.allSatisfy { $0.output == [0x07] })
    }

    @Test func theLineStopsAt256Bytes() {
        var editor = editor()
        type(String(repeating: "a", count: 256), into: &editor)
        #expect(editor.line.count == 256)
        #expect(editor.feed(0x62).output == [0x07], "bell past the limit")
        type("\u{1b}[H", into: &editor)
        #expect(editor.feed(0x62).output == [0x07], "inserting in the middle is refused as well")
        #expect(editor.line.count == 256)
    }

    @Test func aFloodIsEchoedAsOneOutputUpToTheFirstLine() {
        var editor = editor()
        var input = Array((String(repeating: "x", count: 4000) + "\rhelp\r").utf8)
        let flood = editor.feedUntilLine(&input)
        #expect(flood.event == .submit(Array(repeating: 0x78, count: 256)), "the line keeps its first 256 bytes")
        #expect(flood.output == Array(repeating: 0x78, count: 256) + [0x07, 0x0d, 0x0a],
                "256 echoes, one bell for the 3744 bytes past the limit, then the newline")
        #expect(input == Array("help\r".utf8), "what follows the first line stays for the next call")
        let next = editor.feedUntilLine(&input)
        #expect(next.event == .submit(Array("help".utf8)) && input.isEmpty)
        var partial = Array("dia\u{07}\u{07}g".utf8)
        let typing = editor.feedUntilLine(&partial)
        #expect(typing.event == nil && partial.isEmpty && editor.line == Array("diag".utf8))
        #expect(typing.output == Array("dia\u{07}g".utf8), "two bad keys in a row ring once")
    }
}
