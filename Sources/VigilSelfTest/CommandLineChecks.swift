import VigilCore

private let sample = CommandSpec(
    name: "sample", summary: "a command for the checks", arguments: ["INPUT"], minimumArguments: 0, maximumArguments: 1,
    options: [
        OptionSpec("device", value: "PATH", help: "a value"),
        OptionSpec("set", value: "KEY=VALUE", repeatable: true, help: "repeatable"),
        OptionSpec("json", help: "a flag"),
    ])

private func parse(_ words: [String]) -> Result<ParsedArguments, UsageError> {
    do throws(UsageError) { return .success(try ParsedArguments.parse(words[...], for: sample)) } catch { return .failure(error) }
}

private func expectError(_ words: [String], _ expected: UsageError, _ r: inout CheckRecorder, line: UInt = #line) {
    switch parse(words) {
    case .success: r.fail("parsing accepted bad arguments", line: line)
    case .failure(let error): r.expect(error == expected, "wrong usage error: " + error.message, line: line)
    }
}

let commandLineChecks: [SelfCheck] = [
    SelfCheck("cli.values-flags-positionals") { r in
        guard case .success(let parsed) = parse(["--device", "/dev/video1", "--json", "in.y4m"]) else { return r.fail("rejected") }
        r.expect(parsed.value("device") == "/dev/video1", "--device value")
        r.expect(parsed.flag("json"), "--json flag")
        r.expect(!parsed.flag("other"), "absent flag")
        r.expect(parsed.positionals == ["in.y4m"], "positional")
    },
    SelfCheck("cli.inline-value-and-repeats") { r in
        guard case .success(let parsed) = parse(["--device=/dev/v", "--set", "a=1", "--set=b=2"]) else { return r.fail("rejected") }
        r.expect(parsed.value("device") == "/dev/v", "--name=value")
        r.expect(parsed.values("set") == ["a=1", "b=2"], "repeatable option keeps every value in order")
    },
    SelfCheck("cli.dash-is-positional-and-double-dash-ends-options") { r in
        guard case .success(let parsed) = parse(["--", "--json"]) else { return r.fail("rejected") }
        r.expect(parsed.positionals == ["--json"] && !parsed.flag("json"), "after -- everything is positional")
        guard case .success(let stdin) = parse(["-"]) else { return r.fail("rejected -") }
        r.expect(stdin.positionals == ["-"], "- means stdin")
    },
    SelfCheck("cli.usage-errors") { r in
        expectError(["--colour"], .unknownOption(command: "sample", option: "--colour"), &r)
        expectError(["-x"], .unknownOption(command: "sample", option: "-x"), &r)
        expectError(["--device"], .missingValue(command: "sample", option: "--device"), &r)
        expectError(["--json=yes"], .unexpectedValue(command: "sample", option: "--json"), &r)
        expectError(["--device", "a", "--device", "b"], .repeatedOption(command: "sample", option: "--device"), &r)
        expectError(["a", "b"], .unexpectedArgument(command: "sample", argument: "b"), &r)
    },
    SelfCheck("cli.help-wins-over-missing-arguments") { r in
        let strict = CommandSpec(name: "strict", summary: "s", arguments: ["IN", "OUT"])
        do throws(UsageError) {
            r.expect(try ParsedArguments.parse(["-h"], for: strict).wantsHelp, "-h sets wantsHelp")
            _ = try ParsedArguments.parse(["only-one"], for: strict)
            r.fail("a missing argument was accepted")
        } catch {
            r.expect(error == .missingArgument(command: "strict", expected: ["IN", "OUT"]), "missing argument error")
        }
    },
    SelfCheck("cli.integer-option-range") { r in
        guard case .success(let parsed) = parse(["--device", "12x"]) else { return r.fail("rejected") }
        do throws(UsageError) {
            r.expect(try parsed.integer("json", default: 7, in: 0...10) == 7, "absent option gives the default")
            _ = try parsed.integer("device", default: 0, in: 0...100)
            r.fail("non-number accepted")
        } catch {
            r.expect(error.message.hasPrefix("vigil: bad value '12x' for --device"), "message names value and option")
        }
    },
    SelfCheck("cli.dispatch") { r in
        let dispatch = CommandDispatch(programSummary: "vigil", specs: [sample])
        if case .printVersion = dispatch.resolve(["--version"]) {} else { r.fail("--version") }
        if case .printHelp(let text) = dispatch.resolve([]) {
            r.expect(text.includes("sample") && text.includes("a command for the checks"), "overview lists commands")
        } else { r.fail("no arguments shows the overview") }
        if case .printHelp(let text) = dispatch.resolve(["help", "sample"]) {
            r.expect(text.hasPrefix("usage: vigil sample [--device PATH] [--set KEY=VALUE]... [--json] INPUT"), "command usage line")
        } else { r.fail("help COMMAND") }
        if case .printHelp = dispatch.resolve(["sample", "--help"]) {} else { r.fail("COMMAND --help") }
        if case .usageError(let error) = dispatch.resolve(["nope"]) {
            r.expect(error == .unknownCommand("nope"), "unknown command")
        } else { r.fail("unknown command accepted") }
        if case .run(let spec, let parsed) = dispatch.resolve(["sample", "x"]) {
            r.expect(spec.name == "sample" && parsed.positionals == ["x"], "run with arguments")
        } else { r.fail("valid command not run") }
        r.expect(UsageError.exitStatus == 2, "usage errors exit with 2")
    },
]
