/// One named check of pure logic, run by `vigil selftest` inside the firmware and by
/// `swift test` on the host: the same assertions on both builds and both architectures.
public struct SelfCheck: Sendable {
    public let name: String
    let body: @Sendable (inout CheckRecorder) -> Void

    public init(_ name: String, _ body: @escaping @Sendable (inout CheckRecorder) -> Void) {
        self.name = name
        self.body = body
    }

    /// Runs the check; returns the failed expectations (empty when it passed).
    public func run() -> [String] {
        var recorder = CheckRecorder()
        body(&recorder)
        return recorder.failures
    }
}

public struct CheckRecorder {
    public private(set) var failures: [String] = []

    public mutating func expect(_ condition: Bool, _ what: String, line: UInt = #line) {
        if !condition { failures.append(what + " (line \(line))") }
    }

    public mutating func fail(_ what: String, line: UInt = #line) { expect(false, what, line: line) }
}

public enum SelfTestSuite {
    /// One group a line, so that adding a group never touches another's line.
    public static var checks: [SelfCheck] {
        [
            commandLineChecks,
            captureChecks,
            y4mChecks,
            frameChecks,
            redactionChecks,
            motionChecks,
            blobChecks,
            trackChecks,
            fallChecks,
            settingChecks,
            configChecks,
            zoneChecks,
            faceChecks,
            preRollChecks,
            evidenceChecks,
            lightChecks,
            systemChecks,
            unitChecks,
            linkedLibraryChecks,
        ].flatMap { $0 }
    }

    /// Runs the checks whose names start with `prefix` (all when empty), reporting each line.
    public static func run(prefix: String, report: (String) -> Void) -> (passed: Int, failed: Int) {
        var passed = 0
        var failed = 0
        for check in checks where check.name.hasPrefix(prefix) {
            let failures = check.run()
            if failures.isEmpty {
                passed += 1
                report("ok   " + check.name)
            } else {
                failed += 1
                for failure in failures { report("FAIL " + check.name + ": " + failure) }
            }
        }
        return (passed, failed)
    }
}
