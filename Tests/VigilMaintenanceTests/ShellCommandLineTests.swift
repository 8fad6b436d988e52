import Testing
import VigilMaintenance

/// The one gate every shell line passes: what is refused, with which message, and what is accepted.
@Suite struct ShellCommandLineTests {
    private func parse(_ text: String) -> Result<ShellRequest, ShellRefusal> { ShellCommandLine.parse(Array(text.utf8)) }

    private func refusal(_ bytes: [UInt8]) -> String? {
        if case .failure(let refusal) = ShellCommandLine.parse(bytes) { return refusal.message }
        return nil
    }

    private func refusal(_ text: String) -> String? { refusal(Array(text.utf8)) }

    @Test func shellMetacharactersAreRefusedBeforeAnythingElse() {
        #expect(refusal(";sh") == "vigil-shell: refused: ';' is not allowed; this shell runs only its own commands (type help)")
        #expect(refusal("$(id)") == "vigil-shell: refused: '$' is not allowed; this shell runs only its own commands (type help)")
        #expect(refusal("clips `id`") == "vigil-shell: refused: '`' is not allowed; this shell runs only its own commands (type help)")
        for character in ["|", "&", "(", ")", "<", ">", "\\", "'", "\"", "*", "?", "~", "{", "}", "[", "]", "!", "#"] {
            #expect(refusal("log " + character)?.hasPrefix("vigil-shell: refused: '" + character + "' is not allowed") == true, "\(character)")
        }
    }

    @Test func pathsAreRefused() {
        #expect(refusal("hold ../etc/passwd") == "vigil-shell: refused: '../etc/passwd': paths are not allowed; give a clip name or number as 'clips' lists them")
        #expect(refusal("verify /etc/shadow")?.hasPrefix("vigil-shell: refused: '/etc/shadow': paths are not allowed") == true)
        #expect(refusal("verify ..")?.hasPrefix("vigil-shell: refused: '..': paths") == true)
    }

    @Test func controlCharactersNonASCIIAndLineBreaksAreRefused() {
        #expect(refusal([0x68, 0x65, 0x6c, 0x70, 0x1b, 0x5b, 0x41]) == "vigil-shell: refused: the control character \\x1b is not allowed; type plain text")
        #expect(refusal([0x6c, 0x6f, 0x67, 0x09, 0x35]) == "vigil-shell: refused: the control character \\x09 is not allowed; type plain text")
        #expect(refusal([0x64, 0x61, 0x74, 0x65, 0x7f])?.contains("\\x7f") == true)
        #expect(refusal("clips\nid") == "vigil-shell: refused: a line break is not allowed; give one command per line")
        #expect(refusal(Array("d\u{e4}te".utf8)) == "vigil-shell: refused: the non-ASCII byte \\xc3 is not allowed; commands are plain ASCII")
    }

    @Test func overlongLinesAreRefusedWhole() {
        #expect(refusal(String(repeating: "a", count: 10_240)) == "vigil-shell: refused: the line is longer than 256 bytes; type a shorter command (type help)")
        #expect(refusal("log " + String(repeating: " ", count: 253)) == "vigil-shell: refused: the line is longer than 256 bytes; type a shorter command (type help)")
        #expect(parse("log " + String(repeating: " ", count: 252)) == .success(.log(lines: 20)), "256 bytes are fine")
    }

    @Test func unknownCommandsAreNamedEscapedAndCut() {
        #expect(refusal("sh") == "vigil-shell: unknown command 'sh'; type help for the commands")
        #expect(refusal("bash -i") == "vigil-shell: unknown command 'bash'; type help for the commands")
        let long = String(repeating: "x", count: 60)
        #expect(refusal(long) == "vigil-shell: unknown command '" + String(repeating: "x", count: 40) + "...'; type help for the commands")
        #expect(refusal("Help")?.hasPrefix("vigil-shell: unknown command 'Help'") == true, "names are exact")
    }

    @Test func wrongArgumentsAreRefusedWithTheRightForm() {
        #expect(refusal("status now") == "vigil-shell: refused: status takes no arguments; type status")
        #expect(refusal("diag --full") == "vigil-shell: refused: diag takes nothing, --quick or --json; type diag")
        #expect(refusal("hold")?.hasPrefix("vigil-shell: refused: hold takes one clip") == true)
        #expect(refusal("hold 1 2")?.hasPrefix("vigil-shell: refused: hold takes one clip") == true)
        #expect(refusal("hold clip-+0000042.vclip")?.hasPrefix("vigil-shell: refused: hold takes one clip") == true)
        #expect(refusal("hold clip-42.vclip")?.hasPrefix("vigil-shell: refused: hold takes one clip") == true, "only the canonical name")
        #expect(refusal("verify unit.key")?.hasPrefix("vigil-shell: refused: verify takes at most one clip") == true)
        for bad in ["log 0", "log 501", "log -5", "log 1e2", "log 0020", "log 5 5"] {
            #expect(refusal(bad) == "vigil-shell: refused: log takes a number of lines from 1 to 500, e.g. log 50", "\(bad)")
        }
        for bad in ["set-time 2026-02-29 10:00:00", "set-time 2026-12-02 24:00:00", "set-time 2026-12-02 7:10:00", "set-time 2026-12-02T07:10:00",
                    "set-time 1970-01-01 00:00:00", "set-time 2026-13-01 00:00:00", "set-time 2026-12-02 07:10:60", "set-time 2026-12-02", "set-time +026-12-02 07:10:00"] {
            #expect(refusal(bad)?.hasPrefix("vigil-shell: refused: set-time takes the UTC date and time as YYYY-MM-DD HH:MM:SS") == true, "\(bad)")
        }
    }

    @Test func acceptedFormsBecomeRequests() {
        #expect(parse("") == .success(.empty))
        #expect(parse("   ") == .success(.empty))
        #expect(parse("help") == .success(.help))
        #expect(parse("  status  ") == .success(.status), "spaces around and between words do not matter")
        #expect(parse("diag") == .success(.diag(.full)))
        #expect(parse("diag --quick") == .success(.diag(.quick)))
        #expect(parse("diag --json") == .success(.diag(.json)))
        #expect(parse("lamp-test") == .success(.lampTest))
        #expect(parse("snapshot") == .success(.snapshot))
        #expect(parse("clips") == .success(.clips))
        #expect(parse("verify") == .success(.verify(clip: nil)))
        #expect(parse("verify 42") == .success(.verify(clip: "clip-00000042.vclip")))
        #expect(parse("hold clip-00000042.vclip") == .success(.hold(clip: "clip-00000042.vclip")))
        #expect(parse("hold 123456789") == .success(.hold(clip: "clip-123456789.vclip")))
        #expect(parse("log") == .success(.log(lines: 20)))
        #expect(parse("log 500") == .success(.log(lines: 500)))
        #expect(parse("date") == .success(.date))
        #expect(parse("set-time 2026-12-02 07:10:00") == .success(.setTime(epochSeconds: 1_796_195_400)))
        #expect(parse("set-time 2028-02-29 23:59:59") == .success(.setTime(epochSeconds: 1_835_481_599)), "a leap day")
        #expect(parse("reboot") == .success(.reboot))
        #expect(parse("exit") == .success(.exit))
        #expect(parse("logout") == .success(.exit))
    }

    @Test func eachRequestRunsAFixedVigilArgumentList() {
        let config = "/etc/vigil/vigil.conf", store = "/var/lib/vigil/clips"
        #expect(ShellRequest.status.vigilArguments(configuration: config, storeDirectory: store) == ["status", "--config", config])
        #expect(ShellRequest.diag(.quick).vigilArguments(configuration: config, storeDirectory: store) == ["diag", "--config", config, "--quick"])
        #expect(ShellRequest.lampTest.vigilArguments(configuration: config, storeDirectory: store) == ["diag", "--config", config, "--lamp-test"])
        #expect(ShellRequest.snapshot.vigilArguments(configuration: config, storeDirectory: store)
                == ["snapshot", "--config", config, "--ascii", "-o", "/run/vigil/snapshot.jpg"])
        #expect(ShellRequest.clips.vigilArguments(configuration: config, storeDirectory: store) == ["clips", "--dir", store])
        #expect(ShellRequest.verify(clip: nil).vigilArguments(configuration: config, storeDirectory: store) == ["verify", store])
        #expect(ShellRequest.hold(clip: "clip-00000042.vclip").vigilArguments(configuration: config, storeDirectory: store)
                == ["hold", store + "/clip-00000042.vclip"])
        #expect(ShellRequest.date.vigilArguments(configuration: config, storeDirectory: store) == nil, "the shell tells the time itself")
    }

    @Test func everyCommandIsInHelp() {
        for name in ["help", "status", "diag", "lamp-test", "snapshot", "clips", "verify", "hold", "log", "date", "set-time", "reboot", "exit", "logout"] {
            #expect(ShellCommands.names.contains(name), "\(name)")
            #expect(ShellCommands.helpText.contains("  " + name), "\(name)")
        }
        #expect(ShellCommands.names.count == 14)
    }
}
