import Foundation
import Testing
import VigilCore

/// The evidence commands as a reviewer and a technician use them: keygen, replay --record,
/// verify, clips, open; and the writer killed at random points.
@Suite struct EvidenceCommandTests {
    /// A directory with three reviewers' keys (alice, bob, carol) and `stream.y4m`, `frames` long,
    /// in which a person-sized box walks back and forth the whole time.
    final class Site {
        let scratch: ScratchDirectory
        var path: String { scratch.url.path }
        var clips: String { path + "/clips" }
        let stream: String

        init(frames: Int) throws {
            scratch = try ScratchDirectory()
            stream = try scratch.file("stream.y4m", Site.walking(frames: frames))
            for name in ["alice", "bob", "carol"] {
                let run = try VigilProcess.run(["keygen", "--out", path + "/" + name])
                try #require(run.status == 0, "keygen: \(run.standardError)")
            }
        }

        static func walking(frames: Int) -> Data {
            let width = SyntheticStream.width, height = SyntheticStream.height
            var scene = SyntheticScene(width: width, height: height, seed: 5)
            let plane = Plane(width: width, height: height)
            var bytes = Data(SyntheticStream.header.utf8)
            for index in 0..<frames {
                scene.render(into: plane)
                if index >= 5 {
                    let step = (index - 5) % 60
                    scene.drawBox(x: 10 + 2 * (step < 30 ? step : 60 - step), y: 50, width: 14, height: 44, level: 30, into: plane)
                }
                bytes += Data("FRAME\n".utf8)
                for y in 0..<height { bytes += Data(plane.row(y)) }
            }
            return bytes
        }

        func key(_ name: String) -> String { path + "/" + name + ".key" }
        var recipients: String { ["alice", "bob", "carol"].map { path + "/" + $0 + ".pub" }.joined(separator: ",") }

        func record(syncEvery: Int = 8) throws -> VigilRun {
            try VigilProcess.run(["replay", "--record", clips, "--recipients", recipients, "--sync-every", String(syncEvery), stream])
        }

        /// `vigil clips --json`, one dictionary per clip.
        func listing() throws -> [[String: Any]] {
            let run = try VigilProcess.run(["clips", "--dir", clips, "--json"])
            try #require(run.status == 0, "clips: \(run.standardError)")
            return try run.outputLines.map { try #require(JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any]) }
        }

        var clipNames: [String] { ((try? FileManager.default.contentsOfDirectory(atPath: clips)) ?? []).filter { $0.hasSuffix(".vclip") }.sorted() }
        var allNames: [String] { ((try? FileManager.default.contentsOfDirectory(atPath: clips)) ?? []).sorted() }
    }

    private func ffprobeFrames(_ path: String) throws -> Int {
        let run = try VigilProcess.runTool("ffprobe", ["-v", "error", "-count_frames", "-select_streams", "v:0", "-show_entries", "stream=nb_read_frames",
                                                      "-of", "csv=p=0", path])
        return try #require(Int(run.standardOutput.trimmingCharacters(in: .whitespacesAndNewlines)), "ffprobe said '\(run.standardOutput)' \(run.standardError)")
    }

    @Test func keygenWritesTheSecretPrivatelyAndNeverOverwrites() throws {
        let site = try Site(frames: 1)
        let attributes = try FileManager.default.attributesOfItem(atPath: site.key("alice"))
        #expect((attributes[.posixPermissions] as? Int) == 0o600)
        let again = try VigilProcess.run(["keygen", "--out", site.path + "/alice"])
        #expect(again.status == 1 && again.standardError.contains("exists"))
    }

    /// A key made with a passphrase is not the plain layout, stays 0600, and opens a clip only
    /// with its passphrase; without one, or with a wrong one, open says so and writes nothing.
    @Test func aPassphraseProtectedKeyOpensOnlyWithItsPassphrase() throws {
        let site = try Site(frames: 40)
        let passphrase = try site.scratch.file("dave.pass", Data("correct horse battery staple\n".utf8))
        let wrong = try site.scratch.file("wrong.pass", Data("correct horse battery stable\n".utf8))
        let dave = site.path + "/dave"
        let made = try VigilProcess.run(["keygen", "--out", dave, "--passphrase-file", passphrase])
        #expect(made.status == 0 && made.standardOutput.contains("protected by the passphrase"), "keygen: \(made.standardError)")
        let contents = try String(contentsOfFile: dave + ".key", encoding: .utf8)
        #expect(contents.hasPrefix("vigil-reviewer-secret-sealed-v1 ") && !contents.contains("vigil-reviewer-secret-v1"))
        #expect((try FileManager.default.attributesOfItem(atPath: dave + ".key")[.posixPermissions] as? Int) == 0o600)
        let short = try site.scratch.file("short.pass", Data("short\n".utf8))
        let refused = try VigilProcess.run(["keygen", "--out", site.path + "/frank", "--passphrase-file", short])
        #expect(refused.status == 2 && refused.standardError.contains("choose a longer one") && !FileManager.default.fileExists(atPath: site.path + "/frank.key"))

        let recorded = try VigilProcess.run(["replay", "--record", site.clips, "--recipients", site.recipients + "," + dave + ".pub", site.stream])
        #expect(recorded.status == 0, "replay: \(recorded.standardError)")
        let clip = site.clips + "/" + site.clipNames[0]
        let video = site.path + "/dave.avi"
        let cases: [(passphrases: [String], says: String)] = [
            ([], "key file " + dave + ".key is protected by a passphrase; give --passphrase-file " + dave + ".key=FILE"),
            (["--passphrase-file", dave + ".key=" + wrong], "key file " + dave + ".key does not open with this passphrase"),
        ]
        for (passphrases, says) in cases {
            let run = try VigilProcess.run(["open", "--key", site.key("alice"), "--key", dave + ".key"] + passphrases + [clip, "--out", video])
            #expect(run.status == 1 && run.standardError.contains(says), "expected '\(says)', got: \(run.standardError)")
            #expect(!FileManager.default.fileExists(atPath: video) && !FileManager.default.fileExists(atPath: site.path + "/dave.json"))
        }
        let opened = try VigilProcess.run(["open", "--key", site.key("alice"), "--key", dave + ".key", "--passphrase-file", dave + ".key=" + passphrase,
                                           clip, "--out", video])
        #expect(opened.status == 0 && FileManager.default.fileExists(atPath: video), "open: \(opened.standardError)")
    }

    @Test func recordedFootageOpensWithTwoKeysIntoAnAVIThatFFprobeCounts() throws {
        let site = try Site(frames: 80)
        let recorded = try site.record()
        #expect(recorded.status == 0, "replay: \(recorded.standardError)")
        #expect(recorded.outputLines.last?.contains("\"clips\":1") == true)
        let listing = try site.listing()
        let frames = try #require(listing.first?["frames"] as? Int)
        #expect(listing.count == 1 && listing.first?["state"] as? String == "closed" && frames > 50)
        let verified = try VigilProcess.run(["verify", site.clips])
        #expect(verified.status == 0 && verified.standardOutput.contains("chain intact"), "\(verified.standardOutput)")

        let clip = site.clips + "/" + site.clipNames[0]
        let video = site.path + "/out.avi"
        let opened = try VigilProcess.run(["open", "--key", site.key("bob"), "--key", site.key("carol"), clip, "--out", video])
        #expect(opened.status == 0, "open: \(opened.standardError)")
        #expect(try ffprobeFrames(video) == frames)
        let metadata = try #require(JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: site.path + "/out.json"))) as? [String: Any])
        #expect(metadata["frame_count"] as? Int == frames && (metadata["frames"] as? [Any])?.count == frames)
        #expect(metadata["state"] as? String == "complete" && metadata["chain"] as? String == "linked")

        let stills = site.path + "/stills"
        #expect(try VigilProcess.run(["open", "--key", site.key("alice"), "--key", site.key("carol"), clip, "--frames", stills]).status == 0)
        #expect(try FileManager.default.contentsOfDirectory(atPath: stills).filter { $0.hasSuffix(".jpg") }.count == frames)
    }

    @Test func withoutTwoReviewerKeysNothingIsRecorded() throws {
        let site = try Site(frames: 30)
        for recipients in [site.path + "/alice.pub", site.path + "/alice.pub," + site.path + "/alice.pub", site.key("alice") + "," + site.path + "/bob.pub"] {
            let run = try VigilProcess.run(["replay", "--record", site.clips, "--recipients", recipients, site.stream])
            #expect(run.status == 2 && run.standardError.contains("recording refused"), "\(run.standardError)")
            #expect(site.clipNames == [])
        }
    }

    @Test func openRefusesAndWritesNothingOnAnyFailure() throws {
        let site = try Site(frames: 40)
        #expect(try site.record().status == 0)
        let clip = site.clips + "/" + site.clipNames[0]
        let stranger = try VigilProcess.run(["keygen", "--out", site.path + "/eve"])
        #expect(stranger.status == 0)
        let bytes = try Data(contentsOf: URL(fileURLWithPath: clip))
        var flipped = bytes
        flipped[bytes.count / 2] ^= 0x20
        let damaged = try site.scratch.file("damaged.vclip", flipped)
        let cases: [(keys: [String], clip: String, says: String)] = [
            ([site.key("alice")], clip, "two reviewers' keys are needed"),
            ([site.key("alice"), site.key("alice")], clip, "a second reviewer must take part"),
            ([site.key("alice"), site.path + "/eve.key"], clip, "is not one of this clip's reviewers"),
            ([site.key("alice"), site.path + "/bob.pub"], clip, "not a 'vigil-reviewer-secret-v1'"),
            ([site.key("alice"), site.key("bob")], damaged, "fails authentication"),
        ]
        for (keys, path, says) in cases {
            let video = site.path + "/refused.avi"
            let run = try VigilProcess.run(["open"] + keys.flatMap { ["--key", $0] } + [path, "--out", video])
            #expect(run.status == 1 && run.standardError.contains(says), "expected '\(says)', got: \(run.standardError)")
            #expect(!FileManager.default.fileExists(atPath: video) && !FileManager.default.fileExists(atPath: site.path + "/refused.json"))
        }
    }

    @Test func verifyReportsADeletedClipAsAGap() throws {
        let site = try Site(frames: 30)
        for _ in 0..<3 { #expect(try site.record().status == 0) }
        #expect(site.clipNames.count == 3)
        #expect(try VigilProcess.run(["verify", site.clips]).status == 0)
        try FileManager.default.removeItem(atPath: site.clips + "/" + site.clipNames[1])
        let run = try VigilProcess.run(["verify", site.clips])
        #expect(run.status == 1 && run.outputLines.contains { $0.hasPrefix("GAP  clips 2-2 missing") }, "\(run.standardOutput)")
    }

    @Test func aQuotaEvictsTheOldestClipsNeverHeldOnesAndVerifyAccountsForThem() throws {
        let site = try Site(frames: 30)
        #expect(try site.record().status == 0)
        let first = site.clips + "/" + site.clipNames[0]
        let size = try #require(try FileManager.default.attributesOfItem(atPath: first)[.size] as? Int)
        #expect(try VigilProcess.run(["hold", first]).status == 0)
        let quota = String(size * 5 / 2)
        for _ in 0..<4 {
            let run = try VigilProcess.run(["replay", "--record", site.clips, "--recipients", site.recipients, "--quota", quota, site.stream])
            #expect(run.status == 0, "\(run.standardError)")
        }
        #expect(site.clipNames == ["clip-00000001.vclip", "clip-00000005.vclip"], "the held clip and the newest")
        #expect(try site.listing().map { $0["hold"] as? Bool } == [true, false])
        let verified = try VigilProcess.run(["verify", site.clips])
        #expect(verified.status == 0 && verified.outputLines.contains("ok   clips 2-4 deleted by the governor (quota) before clip-00000005.vclip"),
                "\(verified.standardOutput)")
        #expect(try VigilProcess.run(["release", first]).status == 0)
        #expect(try VigilProcess.run(["replay", "--record", site.clips, "--recipients", site.recipients, "--quota", quota, site.stream]).status == 0)
        #expect(site.clipNames == ["clip-00000005.vclip", "clip-00000006.vclip"], "released, the old clip went first")
        #expect(try VigilProcess.run(["verify", site.clips]).status == 0)
    }

    /// SIGKILL the writer at random points; afterwards (verify recovers torn clips, as start-up
    /// does) every clip opens, complete or up to its last complete chunk, and nothing else is left.
    @Test func killedWritersLeaveOnlyClipsThatOpen() throws {
        let site = try Site(frames: 100)
        let started = Date()
        #expect(try site.record(syncEvery: 1).status == 0)
        let fullRun = max(0.05, Date().timeIntervalSince(started))
        var generator = SeededGenerator(seed: 2026)
        let kills = 50
        for _ in 0..<kills {
            let process = Process()
            process.executableURL = try VigilProcess.executable()
            process.arguments = ["replay", "--record", site.clips, "--recipients", site.recipients, "--sync-every", "1", site.stream]
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            usleep(UInt32(Double.random(in: 0...fullRun, using: &generator) * 1_000_000))
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
        }
        let verified = try VigilProcess.run(["verify", site.clips])
        #expect(verified.status == 0, "\(verified.standardOutput)")
        #expect(site.allNames.allSatisfy { $0.hasSuffix(".vclip") || ["chain", "deletions", "unit.key", "unit.pub"].contains($0) }, "\(site.allNames)")
        var truncated = 0, closed = 0
        for clip in try site.listing() {
            let file = try #require(clip["file"] as? String), listed = try #require(clip["frames"] as? Int), state = clip["state"] as? String
            let stills = site.path + "/stills-" + file
            let run = try VigilProcess.run(["open", "--key", site.key("alice"), "--key", site.key("bob"), site.clips + "/" + file, "--frames", stills])
            if listed == 0 {
                #expect(run.status == 1 && run.standardError.contains("holds no frames"), "\(file): \(run.standardError)")
                continue
            }
            #expect(run.status == 0, "\(file): \(run.standardError)")
            let opened = try FileManager.default.contentsOfDirectory(atPath: stills).filter { $0.hasSuffix(".jpg") }.count
            if state == "closed" {
                closed += 1
                #expect(opened == listed && run.standardOutput.contains("(complete)"), "\(file)")
            } else {
                truncated += 1
                // A torn clip's kept chunks may end with the end chunk, which holds no frame.
                #expect(state == "truncated" && (opened == listed || opened == listed - 1), "\(file): \(opened) of \(listed)")
            }
        }
        print("killed \(kills) writers: \(closed) closed and \(truncated) truncated clips, all opened")
        #expect(truncated > 0, "some kills land while a clip is being written")
    }
}

/// A small deterministic generator, so the kill points repeat from run to run.
struct SeededGenerator: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
        return state ^ (state >> 29)
    }
}
