import Foundation
import Testing

/// `vigil replay` on streams that break part-way: exit status 2, a message on stderr that
/// says what is wrong, and the events found before the damage still on stdout.
@Suite struct ReplayDamagedStreams {
    static let frames = 40
    static let damagedAt = 30
    static let intact = SyntheticStream.y4m(frames: frames)

    /// The events of the intact stream before the damage: what a damaged run must still print.
    static func eventsBeforeTheDamage() throws -> [String] {
        let run = try VigilProcess.run(["replay", "-"], input: intact)
        #expect(run.status == 0, "the intact stream: \(run.standardError)")
        let events = run.eventLines.filter { (frameNumber(of: $0) ?? .max) < damagedAt }
        try #require(!events.isEmpty, "the synthetic walker gives a motion event before frame \(damagedAt): \(run.standardOutput)")
        return events
    }

    static func frameNumber(of eventLine: String) -> Int? {
        guard let start = eventLine.range(of: "\"frame\":") else { return nil }
        return Int(eventLine[start.upperBound...].prefix { $0.isNumber })
    }

    func expectDamage(_ run: VigilRun, message: String, framesRead: Int) throws {
        let expected = try Self.eventsBeforeTheDamage()
        #expect(run.status == 2, "exit status \(run.status)")
        #expect(run.errorLines.count == 1 && run.standardError.contains(message), "stderr: \(run.standardError)")
        #expect(run.eventLines == expected, "stdout: \(run.standardOutput)")
        #expect(run.outputLines.last?.hasPrefix("{\"summary\":{\"frames\":\(framesRead),") == true, "summary: \(run.standardOutput)")
    }

    @Test func cutInTheMiddleOfAFrame() throws {
        let scratch = try ScratchDirectory()
        let cut = SyntheticStream.offset(ofFrame: Self.damagedAt) + 6 + SyntheticStream.frameBytes / 2
        let path = try scratch.file("cut.y4m", Self.intact.prefix(cut))
        let run = try VigilProcess.run(["replay", path])
        try expectDamage(run, message: "vigil replay: " + path + ": frame 30 is truncated: 9600 of 19200 bytes; the stream was cut off",
                         framesRead: Self.damagedAt)
    }

    @Test func cutOffOnStandardInput() throws {
        let run = try VigilProcess.run(["replay", "-"], input: Self.intact.prefix(SyntheticStream.offset(ofFrame: Self.damagedAt) + 100))
        try expectDamage(run, message: "vigil replay: standard input: frame 30 is truncated: 94 of 19200 bytes", framesRead: Self.damagedAt)
    }

    @Test func garbageWhereAFrameShouldStart() throws {
        var damaged = Self.intact.prefix(SyntheticStream.offset(ofFrame: Self.damagedAt))
        damaged += Data("GARBAGE\n".utf8) + Data(repeating: 0x55, count: 5000)
        let run = try VigilProcess.run(["replay", "-"], input: damaged)
        try expectDamage(run, message: "frame 30: expected a 'FRAME' line; the stream is damaged or not 8-bit YUV4MPEG2",
                         framesRead: Self.damagedAt)
    }

    @Test func malformedHeader() throws {
        var damaged = Data("YUV4MPEG2 W160 H120 F10:0 Cmono\n".utf8)
        damaged += Self.intact.dropFirst(SyntheticStream.header.utf8.count)
        let run = try VigilProcess.run(["replay", "-"], input: damaged)
        #expect(run.status == 2)
        #expect(run.standardError == "vigil replay: standard input: bad YUV4MPEG2 header parameter 'F10:0 (a frame rate such as F25:1 or F30000:1001)'\n")
        #expect(run.standardOutput.isEmpty, "nothing analysed, nothing printed: \(run.standardOutput)")
    }

    @Test func notAStreamAtAll() throws {
        let run = try VigilProcess.run(["replay", "-"], input: Data("P5\n160 120\n255\n".utf8))
        #expect(run.status == 2)
        #expect(run.standardError.hasPrefix("vigil replay: standard input: not a YUV4MPEG2 stream (it must start with 'YUV4MPEG2 ')"))
    }

    @Test func emptyInput() throws {
        let run = try VigilProcess.run(["replay", "-"])
        #expect(run.status == 2)
        #expect(run.standardError == "vigil replay: standard input: the stream is empty: not a single byte arrived (did the command writing it fail?)\n")
        #expect(run.standardOutput.isEmpty)
    }

    @Test func missingFile() throws {
        let run = try VigilProcess.run(["replay", "/nonexistent/vigil/clip.y4m"])
        #expect(run.status == 2)
        #expect(run.standardError == "vigil replay: open /nonexistent/vigil/clip.y4m: No such file or directory - check the path\n")
        #expect(run.standardOutput.isEmpty)
    }

    @Test func anIntactStreamEndsCleanly() throws {
        let run = try VigilProcess.run(["replay", "-"], input: Self.intact)
        #expect(run.status == 0 && run.standardError.isEmpty, "stderr: \(run.standardError)")
        #expect(run.outputLines.last?.hasPrefix("{\"summary\":{\"frames\":\(Self.frames),") == true)
    }
}
