import Testing
import VigilCore

@Suite struct CommandSpecHelp {
    let spec = CommandSpec(
        name: "probe", summary: "first contact", arguments: [],
        options: [OptionSpec("device", value: "PATH", help: "camera node"), OptionSpec("no-camera", help: "skip it")],
        details: "Longer words.")

    @Test func helpListsOptionsAlignedUnderTheUsageLine() {
        let lines = spec.helpText.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(lines[0] == "usage: vigil probe [--device PATH] [--no-camera]")
        #expect(lines.contains("  --device PATH  camera node"))
        #expect(lines.contains("  --no-camera    skip it"))
        #expect(lines.contains("Longer words."))
    }

    @Test func overviewListsEveryCommandOnce() {
        let dispatch = CommandDispatch(programSummary: "vigil test", specs: [spec, CommandSpec(name: "selftest", summary: "checks")])
        let text = dispatch.overview
        #expect(text.hasPrefix("vigil test\n"))
        #expect(text.includes("  probe     first contact\n"))
        #expect(text.includes("  selftest  checks\n"))
    }

    @Test func helpForUnknownCommandIsAUsageError() {
        let dispatch = CommandDispatch(programSummary: "", specs: [spec])
        guard case .usageError(let error) = dispatch.resolve(["help", "nope"]) else {
            Issue.record("expected a usage error")
            return
        }
        #expect(error.message == "vigil: unknown command 'nope'; 'vigil help' lists the commands")
    }
}
