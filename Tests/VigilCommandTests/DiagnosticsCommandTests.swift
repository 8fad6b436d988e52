import Foundation
import Testing

/// `vigil status`, `diag` and `snapshot` against a real `vigil run` playing recorded footage
/// (the camera the host has), and against a unit with mistakes.
@Suite(.serialized) struct DiagnosticsCommandTests {
    /// A configuration whose paths all lie in `scratch`, the camera `device`, no GPIO lines.
    static func configuration(in scratch: ScratchDirectory, device: String, keys: Bool) throws -> String {
        let root = scratch.url.path
        var recipients = root + "/missing-a.pub," + root + "/missing-b.pub"
        if keys {
            for name in ["alice", "bob"] {
                let run = try VigilProcess.run(["keygen", "--out", root + "/" + name])
                try #require(run.status == 0, "keygen: \(run.standardError)")
            }
            recipients = root + "/alice.pub," + root + "/bob.pub"
        }
        let defaults = try VigilProcess.run(["config", "--defaults"]).standardOutput
        var lines: [String] = []
        for line in defaults.split(separator: "\n", omittingEmptySubsequences: false) {
            switch line.split(separator: " ").first.map(String.init) ?? "" {
            case "device": lines.append("device = " + device)
            case "directory": lines.append("directory = " + root + "/clips")
            case "recipients": lines.append("recipients = " + recipients)
            case "status_file": lines.append("status_file = " + root + "/run/status.json")
            case "log_file": lines.append("log_file = " + root + "/run/vigil.log")
            case "audit_log": lines.append("audit_log = " + root + "/audit.log")
            case "syslog": lines.append("syslog = no")
            case "sign_line", "recording_line", "alarm_line", "status_line", "tamper_line": lines.append(line.split(separator: " ")[0] + " = none")
            default: lines.append(String(line))
            }
        }
        return try scratch.file("vigil.conf", Data(lines.joined(separator: "\n").utf8))
    }

    static func document(_ text: String) throws -> [String: Any] {
        try #require(JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    static func checks(_ document: [String: Any]) -> [[String: String]] {
        (document["checks"] as? [[String: String]]) ?? []
    }

    @Test func aRunningUnitIsDiagnosedFromItsStatusAndGivesOnlyRedactedSnapshots() throws {
        let scratch = try ScratchDirectory()
        let scene = scratch.url.appendingPathComponent("scene.y4m").path
        try #require(try VigilProcess.run(["scene", "--size", "320x240", "--seconds", "40", "--y4m", scene]).status == 0)
        let config = try Self.configuration(in: scratch, device: scene, keys: true)
        let daemon = Process()
        daemon.executableURL = try VigilProcess.executable()
        daemon.arguments = ["run", "--config", config]
        daemon.standardOutput = FileHandle.nullDevice
        daemon.standardError = FileHandle.nullDevice
        try daemon.run()
        defer { if daemon.isRunning { daemon.terminate(); daemon.waitUntilExit() } }

        var status = try VigilProcess.run(["status", "--config", config])
        let deadline = Date().addingTimeInterval(60)
        while !(status.status == 0 && status.standardOutput.contains("watching")) && Date() < deadline {
            Thread.sleep(forTimeInterval: 0.3)
            status = try VigilProcess.run(["status", "--config", config])
        }
        #expect(status.status == 0, "\(status.standardOutput) \(status.standardError)")
        #expect(status.outputLines.first?.hasPrefix("unit     watching, pid \(daemon.processIdentifier)") == true, "\(status.standardOutput)")
        #expect(status.outputLines.contains { $0.hasPrefix("storage  ready") }, "\(status.standardOutput)")

        let snapshot = scratch.url.appendingPathComponent("aim.jpg").path
        let shot = try VigilProcess.run(["snapshot", "--config", config, "-o", snapshot, "--ascii"])
        #expect(shot.status == 0, "\(shot.standardError)")
        let jpeg = try Data(contentsOf: URL(fileURLWithPath: snapshot))
        #expect(jpeg.starts(with: [0xFF, 0xD8]), "a JPEG")
        let picture = shot.outputLines.prefix(24)
        #expect(picture.count == 24 && picture.allSatisfy { $0.count == 64 }, "24 lines of 64 characters:\n\(shot.standardOutput)")
        #expect(shot.standardOutput.contains("focus score"))
        let log = try String(contentsOfFile: scratch.url.appendingPathComponent("run/vigil.log").path, encoding: .utf8)
        #expect(log.contains("snapshot written for the technician"), "the daemon made it: \(log)")

        let diag = try VigilProcess.run(["diag", "--config", config, "--json", "--quick", "--lamp-test"])
        let report = try Self.document(diag.standardOutput)
        let checks = Self.checks(report)
        func verdict(_ group: String, _ name: String) -> String? { checks.first { $0["group"] == group && $0["name"] == name }?["status"] }
        #expect(verdict("daemon", "running") == "OK", "\(diag.standardOutput)")
        #expect(verdict("daemon", "recording") == "OK")
        #expect(verdict("keys", "reviewers") == "OK")
        #expect(verdict("camera", "present") == "OK")
        #expect(verdict("lights", "lamp test") == "OK", "the daemon took the request")
        #expect(checks.allSatisfy { $0["status"] != "FAIL" }, "\(diag.standardOutput)")
        #expect(diag.status == 0)
        #expect(try String(contentsOfFile: scratch.url.appendingPathComponent("run/vigil.log").path, encoding: .utf8).contains("lamp test"))

        daemon.terminate()
        daemon.waitUntilExit()
        let stopped = try VigilProcess.run(["status", "--config", config])
        #expect(stopped.status == 1 && stopped.standardOutput.hasPrefix("unit     stopped"), "\(stopped.standardOutput)")
        let after = try VigilProcess.run(["diag", "--config", config, "--quick"])
        #expect(after.status == 1)
        #expect(after.standardOutput.contains("FAIL  running            stopped"), "\(after.standardOutput)")
    }

    @Test func aBrokenUnitGetsFailuresWithWhatToDo() throws {
        let scratch = try ScratchDirectory()
        let config = try Self.configuration(in: scratch, device: "/dev/video-nonexistent", keys: false)
        try FileManager.default.createDirectory(atPath: scratch.url.appendingPathComponent("clips").path, withIntermediateDirectories: true)
        _ = try scratch.file("clips/clip-00000007.vclip.partial", Data(repeating: 1, count: 100))
        _ = try scratch.file("audit.log", Data("""
            2026-11-30T09:00:00Z user=technician tty=/dev/ttyAMA0 from=console "set-time 2026-11-30 09:00:00" -> ok (clock 2025-01-01T00:00:00Z -> 2026-11-30T09:00:00Z)
            2026-11-30T09:01:00Z user=technician tty=/dev/ttyAMA0 from=console "set-time 1999-01-01 00:00:00" -> refused
            2026-11-30T09:02:00Z user=technician tty=/dev/ttyAMA0 from=console "diag" -> ok

            """.utf8))
        let diag = try VigilProcess.run(["diag", "--config", config, "--json", "--quick"])
        #expect(diag.status == 1)
        let checks = Self.checks(try Self.document(diag.standardOutput))
        func check(_ group: String, _ name: String) -> [String: String]? { checks.first { $0["group"] == group && $0["name"] == name } }
        #expect(check("camera", "present")?["status"] == "FAIL")
        #expect(check("camera", "present")?["hint"]?.contains("driver loaded") == true)
        #expect(check("keys", "reviewers")?["status"] == "FAIL")
        #expect(check("storage", "torn clips")?["status"] == "WARN")
        #expect(check("daemon", "running")?["status"] == "FAIL")
        #expect(check("clock", "last set")?["value"]?.hasSuffix("last set-time at 2026-11-30T09:00:00Z") == true, "the accepted set-time, from the audit log")
        #expect(checks.allSatisfy { $0["status"] == "OK" || !($0["hint"] ?? "").isEmpty }, "every finding says what to do")

        let text = try VigilProcess.run(["diag", "--config", config, "--quick"])
        #expect(text.standardOutput.contains("  FAIL  present            no /dev/video-nonexistent\n       -> "), "\(text.standardOutput)")
        #expect(text.outputLines.last?.hasSuffix(" FAIL") == true)

        let bad = try scratch.file("bad.conf", Data("[camera]\nfps = lots\n".utf8))
        let withMistakes = try VigilProcess.run(["diag", "--config", bad, "--quick"])
        #expect(withMistakes.status == 1)
        #expect(withMistakes.standardOutput.contains("FAIL  file               " + bad + " has mistakes"), "\(withMistakes.standardOutput)")
        #expect(withMistakes.standardError.contains("line 2"))
        #expect(try VigilProcess.run(["snapshot", "--config", config]).status == 2, "-o is required")
    }
}
