import Foundation
import Testing

/// `vigil replay --config FILE`: the file's settings and zones, `--set` over them, and a file
/// with mistakes refused before anything runs.
@Suite struct ReplayConfiguration {
    static let stream = SyntheticStream.y4m(frames: 40)

    /// The events of the synthetic walker with the configuration `text` and `extra` arguments.
    func replay(config text: String, _ extra: [String] = []) throws -> VigilRun {
        let scratch = try ScratchDirectory()
        let config = try scratch.file("site.conf", Data(text.utf8))
        let input = try scratch.file("walk.y4m", Self.stream)
        return try VigilProcess.run(["replay", "--config", config] + extra + [input])
    }

    @Test func withoutZonesTheWalkerIsMotion() throws {
        let run = try replay(config: "[analysis]\n")
        #expect(run.status == 0, "\(run.standardError)")
        #expect(run.eventLines.contains { $0.hasPrefix("{\"event\":\"motion\"") }, "\(run.standardOutput)")
    }

    @Test func anExcludeZoneOverThePathHidesTheWalker() throws {
        let run = try replay(config: """
            # the walker's path, as a road would be
            [analysis]
            exclude_zone = 0,40 160,40 160,100 0,100
            """)
        #expect(run.status == 0, "\(run.standardError)")
        #expect(run.eventLines.isEmpty, "\(run.standardOutput)")
    }

    @Test func includeZonesGateEventsByWhereThePersonStands() throws {
        // The walker's feet are at y = 93; the top strip never has anyone standing in it.
        let away = try replay(config: "[analysis]\ninclude_zone = 0,0 160,0 160,40 0,40   # the sky\n")
        #expect(away.status == 0 && away.eventLines.isEmpty, "\(away.standardOutput)\(away.standardError)")
        let there = try replay(config: "[analysis]\ninclude_zone = 0,80 160,80 160,120 0,120\n")
        #expect(there.status == 0 && there.eventLines.contains { $0.hasPrefix("{\"event\":\"motion\"") }, "\(there.standardOutput)")
    }

    @Test func setOverridesTheFile() throws {
        let file = "[analysis]\nmotion_min_ms = 60000\n"
        #expect(try replay(config: file).eventLines.isEmpty, "a minute of activity before motion: none in 4 s")
        let run = try replay(config: file, ["--set", "motion_min_ms=500"])
        #expect(run.eventLines.contains { $0.hasPrefix("{\"event\":\"motion\"") }, "--set wins: \(run.standardOutput)")
    }

    @Test func aFileWithMistakesListsEveryOneAndRunsNothing() throws {
        let scratch = try ScratchDirectory()
        let config = try scratch.file("site.conf", Data("""
            [analysis]
            fall_confirm_ms = 2000
            foo = 1
            exclude_zone = 0,0 640,0
            [kamera]
            """.utf8))
        let run = try VigilProcess.run(["replay", "--config", config, "-"], input: Self.stream)
        #expect(run.status == 2)
        #expect(run.standardOutput.isEmpty, "nothing analysed: \(run.standardOutput)")
        let prefix = "vigil replay: " + config + ": "
        #expect(run.errorLines == [
            prefix + "line 3: unknown key 'foo' in [analysis] (known: downscale, motion_sensitivity, motion_min_ms, motion_min_area, fall_confirm_ms, fall_motion_permille, track_hold_frames, include_zone, exclude_zone)",
            prefix + "line 4: bad exclude_zone '0,0 640,0': a zone needs at least 3 corners (got 2)",
            prefix + "line 5: unknown section [kamera] (known: analysis, redaction, tamper, policy, outputs, camera, store, unit)",
            prefix + "3 errors; correct the lines above (every key with its meaning: vigil config --defaults)",
        ])
    }

    @Test func aCoveredCameraIsATamperEventWithTheFilesThresholds() throws {
        let scratch = try ScratchDirectory()
        let config = try scratch.file("site.conf", Data("[tamper]\nlearn_ms = 1000\nconfirm_ms = 1500\n".utf8))
        let input = try scratch.file("covered.y4m", SyntheticStream.y4m(frames: 50, coveredFrom: 20))
        let run = try VigilProcess.run(["replay", "--config", config, input])
        #expect(run.status == 0, "\(run.standardError)")
        // Covered at frame 20 (2000 ms), confirmed 1500 ms later.
        #expect(run.eventLines.filter { $0.contains("\"tamper\"") } == ["{\"event\":\"tamper\",\"frame\":35,\"t_ms\":3500,\"reason\":\"dark\"}"],
                "\(run.standardOutput)")
        #expect(run.outputLines.last?.hasPrefix("{\"summary\":{\"frames\":50,") == true && run.standardOutput.contains("\"tamper\":1,"))
        let defaults = try VigilProcess.run(["replay", input])
        #expect(defaults.standardOutput.contains("\"tamper\":0,"), "the default 3 s of learning and 5 s of confirmation outlast the stream")
    }

    @Test func aMissingFileIsNamed() throws {
        let run = try VigilProcess.run(["replay", "--config", "/nonexistent/site.conf", "-"], input: Self.stream)
        #expect(run.status == 2)
        #expect(run.standardError == "vigil replay: open /nonexistent/site.conf: No such file or directory - check the path\n")
    }
}
