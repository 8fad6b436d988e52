import VigilCore
import VigilSelfTest

let selftestCommand = Command(
    spec: CommandSpec(
        name: "selftest", summary: "run the built-in checks of the pure logic and the linked libraries",
        options: [
            OptionSpec("only", value: "PREFIX", help: "run only the checks whose names start with PREFIX"),
            OptionSpec("list", help: "list the checks without running them"),
        ],
        details: "Prints one line per check and a last line 'N passed, N failed'; exits 1 if any failed."),
    run: { arguments throws(UsageError) in
        if arguments.flag("list") {
            for check in SelfTestSuite.checks { print(check.name) }
            return 0
        }
        print("vigil " + VigilVersion.number + " selftest, " + VigilVersion.flavour + " build, " + VigilVersion.architecture)
        let result = SelfTestSuite.run(prefix: arguments.value("only") ?? "") { print($0) }
        print("selftest: \(result.passed) passed, \(result.failed) failed")
        if result.passed + result.failed == 0 {
            print("no check matched; 'vigil selftest --list' shows their names")
            return 1
        }
        return result.failed == 0 ? 0 : 1
    })
