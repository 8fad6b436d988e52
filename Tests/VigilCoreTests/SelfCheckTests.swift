import Testing
import VigilSelfTest

/// Every check that `vigil selftest` runs inside the firmware, run here on the host build.
@Suite struct SelfChecks {
    @Test(arguments: SelfTestSuite.checks.map { $0.name })
    func selfCheckPasses(_ name: String) throws {
        let check = try #require(SelfTestSuite.checks.first { $0.name == name })
        #expect(check.run() == [])
    }

    @Test func namesAreUniqueSoFailuresAreTraceable() {
        let names = SelfTestSuite.checks.map { $0.name }
        #expect(Set(names).count == names.count)
        #expect(names.count >= 10)
    }

    @Test func runnerCountsFailuresAndFilters() {
        var lines: [String] = []
        let all = SelfTestSuite.run(prefix: "cli.") { lines.append($0) }
        #expect(all.failed == 0)
        #expect(all.passed == SelfTestSuite.checks.filter { $0.name.hasPrefix("cli.") }.count)
        #expect(lines.allSatisfy { $0.hasPrefix("ok   cli.") })
        #expect(SelfTestSuite.run(prefix: "no-such-prefix") { _ in } == (0, 0))
    }

    @Test func aFailingExpectationIsReported() {
        let check = SelfCheck("demo.fails") { r in
            r.expect(1 + 1 == 3, "arithmetic")
            r.expect(true, "fine")
        }
        let failures = check.run()
        #expect(failures.count == 1)
        #expect(failures.first?.hasPrefix("arithmetic (line ") == true)
    }
}
