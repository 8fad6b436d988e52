import Testing
import VigilMaintenance

/// One audit line per input, whatever the input holds.
@Suite struct AuditEntryTests {
    private func entry(_ line: [UInt8], user: String = "technician", origin: String = "console") -> String {
        AuditEntry(epochSeconds: 1_796_195_400, user: user, terminal: "/dev/ttyS0", origin: origin, line: line, outcome: "refused").text
    }

    @Test func aLineHasTheTimeTheSessionTheInputAndTheOutcome() {
        #expect(entry(Array("hold 42".utf8)) == "2026-12-02T07:10:00Z user=technician tty=/dev/ttyS0 from=console \"hold 42\" -> refused\n")
    }

    @Test func controlNonASCIIQuotesAndBackslashesAreEscaped() {
        let line: [UInt8] = Array("a\"b\\c".utf8) + [0x0a, 0x1b, 0x7f, 0xc3, 0xa4]
        #expect(entry(line) == "2026-12-02T07:10:00Z user=technician tty=/dev/ttyS0 from=console \"a\\\"b\\\\c\\x0a\\x1b\\x7f\\xc3\\xa4\" -> refused\n")
    }

    @Test func aForgedEntryStaysInsideItsQuotes() {
        let forged = Array("x\" -> ok\n2026-12-02T07:10:00Z user=admin".utf8)
        let text = entry(forged)
        #expect(text.split(separator: "\n").count == 1, "one line")
        #expect(text.hasSuffix("\\\" -> ok\\x0a2026-12-02T07:10:00Z user=admin\" -> refused\n"))
    }

    @Test func fieldsCarryNoSpacesOrQuotes() {
        #expect(entry([], user: "tech nician", origin: "a\"b").hasPrefix("2026-12-02T07:10:00Z user=tech_nician tty=/dev/ttyS0 from=a\\_b \"\""))
    }
}

@Suite struct PlainLineReaderTests {
    @Test func linesSplitAtNewlineWithCarriageReturnsDropped() {
        var reader = PlainLineReader()
        #expect(reader.feed(Array("help\r\nda".utf8)) == [.line(Array("help".utf8))])
        #expect(reader.feed(Array("te\n\n".utf8)) == [.line(Array("date".utf8)), .line([])])
        #expect(reader.feed(Array("exit".utf8)).isEmpty)
        #expect(reader.finishInput() == .line(Array("exit".utf8)), "a last line without newline still counts")
        #expect(reader.finishInput() == nil)
    }

    @Test func anOverlongLineIsDiscardedWholeAndReadingGoesOn() {
        var reader = PlainLineReader()
        var lines: [PlainLineReader.Line] = []
        for _ in 0..<100 { lines += reader.feed([UInt8](repeating: 0x61, count: 100)) }  // 10 000 bytes, no newline yet
        lines += reader.feed(Array("\nhelp\n".utf8))
        #expect(lines == [.tooLong(10_000), .line(Array("help".utf8))])
        #expect(reader.feed([UInt8](repeating: 0x61, count: 256) + [0x0d, 0x0a]) == [.line([UInt8](repeating: 0x61, count: 256))],
                "256 bytes and CR LF are fine")
        #expect(reader.feed([UInt8](repeating: 0x61, count: 257) + [0x0a]) == [.tooLong(257)])
    }
}

@Suite struct LogTailTests {
    @Test func theRotatedFileFillsUpTheTail() {
        let previous = Array("one\ntwo\nthree\n".utf8), current = Array("four\nfive\n".utf8)
        #expect(LogTail.lastLines(3, previous: previous, current: current).map { String(decoding: $0, as: UTF8.self) } == ["three", "four", "five"])
        #expect(LogTail.lastLines(20, previous: [], current: current).count == 2)
        #expect(LogTail.lastLines(1, previous: [], current: Array("a\nunfinished".utf8)) == [Array("unfinished".utf8)])
    }

    @Test func logLinesCannotDriveTheTerminal() {
        #expect(LogTail.displayable(Array("a\tb".utf8) + [0x1b, 0x5b, 0x32, 0x4a]) == "a\tb\\x1b[2J")
    }
}

@Suite struct UTCDateTimeTests {
    @Test func timestampsRoundTrip() {
        #expect(UTCDateTime.timestamp(epochSeconds: 1_796_195_400) == "2026-12-02T07:10:00Z")
        #expect(UTCDateTime.civil(epochSeconds: 1_796_195_400) == "2026-12-02 07:10:00")
        #expect(UTCDateTime.epochSeconds(date: "2020-01-01", time: "00:00:00") == 1_577_836_800)
        #expect(UTCDateTime.epochSeconds(date: "2099-12-31", time: "23:59:59") == 4_102_444_799)
        #expect(UTCDateTime.epochSeconds(date: "2100-02-29", time: "00:00:00") == nil)
        #expect(UTCDateTime.epochSeconds(date: "2026-02-29", time: "00:00:00") == nil)
    }
}
