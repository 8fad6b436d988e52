import Foundation
import Testing

/// `vigil shell` as the technician's login shell runs it: lines on standard input (a pipe here,
/// a terminal over the pty test), answers on stdout and stderr, one audit line per input.
@Suite struct ShellCommandTests {
    /// A unit configuration whose status, log, audit log and store are in a scratch directory.
    private struct Unit {
        let scratch: ScratchDirectory
        let configuration: String
        let auditLog: String

        init() throws {
            scratch = try ScratchDirectory()
            let directory = scratch.url.path
            try FileManager.default.createDirectory(atPath: directory + "/clips", withIntermediateDirectories: true)
            let log = (1...30).map { "2026-12-02T07:\($0 + 10):00Z info daemon line \($0)\n" }.joined()
            _ = try scratch.file("vigil.log", Data(log.utf8))
            auditLog = directory + "/audit.log"
            configuration = try scratch.file("vigil.conf", Data("""
                [store]
                directory = \(directory)/clips
                [unit]
                status_file = \(directory)/status.json
                log_file = \(directory)/vigil.log
                audit_log = \(auditLog)
                [policy]
                timezone = UTC0

                """.utf8))
        }

        func auditLines() throws -> [String] {
            try String(contentsOfFile: auditLog, encoding: .utf8).split(separator: "\n").map(String.init)
        }
    }

    @Test func pipedLinesAreAnsweredRefusedAndAudited() throws {
        let unit = try Unit()
        let long = String(repeating: "a", count: 1000)
        let inputs = ["help", "date", "log", "clips", ";sh", "$(id)", "hold ../x", long, "sh", "exit"]
        let run = try VigilProcess.run(["shell", "--config", unit.configuration], input: Data((inputs.joined(separator: "\n") + "\n").utf8))
        #expect(run.status == 0, "\(run.standardError)")
        let output = run.standardOutput, errors = run.errorLines
        #expect(output.contains("maintenance shell") && output.contains("type help"), "banner")
        #expect(output.contains("> "), "the prompt is printed in plain mode too")
        #expect(output.contains("  set-time YYYY-MM-DD HH:MM:SS  set the clock, in UTC"), "help")
        #expect(output.contains("\nUTC   20"), "date shows UTC: \(output)")
        #expect(output.contains("daemon line 30\n") && output.contains("daemon line 11\n") && !output.contains("daemon line 10\n"),
                "log shows the last 20 lines")
        #expect(output.contains("clip      start (UTC)"), "clips ran vigil clips")
        #expect(errors.contains("vigil-shell: refused: ';' is not allowed; this shell runs only its own commands (type help)"), "\(errors)")
        #expect(errors.contains("vigil-shell: refused: '$' is not allowed; this shell runs only its own commands (type help)"))
        #expect(errors.contains { $0.hasPrefix("vigil-shell: refused: '../x': paths are not allowed") })
        #expect(errors.contains("vigil-shell: refused: the line is longer than 256 bytes; type a shorter command (type help)"))
        #expect(errors.contains("vigil-shell: unknown command 'sh'; type help for the commands"))
        #expect(!output.contains("uid="), "nothing ran id")

        let audit = try unit.auditLines()
        #expect(audit.count == inputs.count + 2, "session start, one line per input, session end: \(audit)")
        let outcomes = audit.map { String($0.split(separator: " ").last ?? "") }
        #expect(outcomes == ["ok", "ok", "ok", "ok", "ok", "refused", "refused", "refused", "refused", "unknown", "ok", "ok"], "\(audit)")
        #expect(audit[0].hasSuffix("\"(session start)\" -> ok") && audit[11].hasSuffix("\"(session end)\" -> ok"))
        #expect(audit[5].contains(" from=console \";sh\" -> refused"))
        #expect(audit[8].contains("\"(1000 bytes)\" -> refused"), "an overlong line is recorded by its length")
        #expect(audit.allSatisfy { $0.range(of: #"^20\d\d-\d\d-\d\dT\d\d:\d\d:\d\dZ user=\S+ tty=\S+ from=\S+ ""#, options: .regularExpression) != nil })
    }

    @Test func oneCommandWithDashCGoesThroughTheSameGate() throws {
        let unit = try Unit()
        let refused = try VigilProcess.run(["shell", "--config", unit.configuration, "-c", "sh"])
        #expect(refused.status != 0)
        #expect(refused.errorLines == ["vigil-shell: unknown command 'sh'; type help for the commands"])
        let injected = try VigilProcess.run(["shell", "--config", unit.configuration, "-c", "clips; sh"])
        #expect(injected.status != 0)
        #expect(injected.errorLines.first?.hasPrefix("vigil-shell: refused: ';' is not allowed") == true)
        let help = try VigilProcess.run(["shell", "--config", unit.configuration, "-c", "help"])
        #expect(help.status == 0, "\(help.standardError)")
        #expect(help.standardOutput.contains("  hold CLIP"))
        #expect(!help.standardOutput.contains("maintenance shell"), "no banner for a single command")
        let audit = try unit.auditLines()
        #expect(audit.count == 9, "start, line, end per run: \(audit)")
        #expect(audit[1].hasSuffix("\"sh\" -> unknown") && audit[4].hasSuffix("\"clips; sh\" -> refused") && audit[7].hasSuffix("\"help\" -> ok"))
    }

    @Test func theLoginShellSymlinkRunsTheShellWithShArguments() throws {
        let unit = try Unit()
        let link = unit.scratch.url.appendingPathComponent("vigil-shell")
        try FileManager.default.createSymbolicLink(at: link, withDestinationURL: try VigilProcess.executable())
        let output = try unit.scratch.file("out", Data())
        let process = Process()
        process.executableURL = link
        process.arguments = ["--config", unit.configuration, "-c", "log 2"]
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = try FileHandle(forWritingTo: URL(fileURLWithPath: output))
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        #expect(try String(contentsOfFile: output, encoding: .utf8) == "2026-12-02T07:39:00Z info daemon line 29\n2026-12-02T07:40:00Z info daemon line 30\n")
        #expect(try unit.auditLines()[1].hasSuffix("\"log 2\" -> ok"))
    }

    @Test func withoutAnAuditLogNothingRunsButHelpAndExit() throws {
        let unit = try Unit()
        let configuration = try unit.scratch.file("closed.conf", Data("[unit]\naudit_log = \(unit.scratch.url.path)/missing/audit.log\n".utf8))
        let run = try VigilProcess.run(["shell", "--config", configuration], input: Data("clips\nhelp\nexit\n".utf8))
        let refusal = "vigil-shell: refused: cannot write the audit log \(unit.scratch.url.path)/missing/audit.log ("
        #expect(run.errorLines.filter { $0.hasPrefix(refusal) && $0.hasSuffix("; ask the administrator") }.count == 2, "at start and for clips: \(run.errorLines)")
        #expect(!run.standardOutput.contains("clip      start"), "clips did not run")
        #expect(run.standardOutput.contains("  hold CLIP"), "help still works")
    }

    @Test func aBrokenConfigurationIsReportedAndTheShellStillRuns() throws {
        let unit = try Unit()
        let configuration = try unit.scratch.file("broken.conf", Data("[unit]\naudit_log = \(unit.auditLog)\nfoo = 1\n".utf8))
        let run = try VigilProcess.run(["shell", "--config", configuration], input: Data("help\n".utf8))
        #expect(run.status == 0)
        #expect(run.errorLines.contains { $0.contains("broken.conf: line 3: unknown key 'foo'") }, "\(run.errorLines)")
        #expect(run.standardOutput.contains("  hold CLIP"))
        #expect(try unit.auditLines().count == 3, "the good audit_log line was used")
    }
}
