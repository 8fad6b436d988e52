import Foundation
import Testing

/// The promise on the sign, checked by the compiler: code that hands an unredacted frame to
/// anything that takes redacted ones, or makes a redacted frame itself, does not build.
@Suite struct RedactionTypes {
    /// Compiles `source` to SIL (where non-copyable values are checked) against the modules
    /// `swift test` built; returns the compiler's exit status and messages.
    func compile(_ source: String) throws -> (status: Int32, messages: String) {
        let built = try VigilProcess.executable().deletingLastPathComponent()
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let scratch = try ScratchDirectory()
        let file = try scratch.file("snippet.swift", Data(source.utf8))
        let messages = try scratch.file("messages", Data())
        let swiftc = try #require(ProcessInfo.processInfo.environment["PATH"]?.split(separator: ":")
            .map { "\($0)/swiftc" }.first { FileManager.default.isExecutableFile(atPath: $0) }, "swiftc on PATH")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: swiftc)
        process.arguments = ["-emit-sil", "-o", "/dev/null", "-I", built.appendingPathComponent("Modules").path,
                             "-Xcc", "-fmodule-map-file=" + built.appendingPathComponent("CCascades.build/module.modulemap").path,
                             "-Xcc", "-I" + root.appendingPathComponent("Sources/CCascades/include").path, file]
        process.standardOutput = try FileHandle(forWritingTo: URL(fileURLWithPath: messages))
        process.standardError = process.standardOutput
        try process.run()
        process.waitUntilExit()
        return (process.terminationStatus, try String(contentsOfFile: messages, encoding: .utf8))
    }

    let prelude = """
        import VigilCore
        import VigilPrivacy
        func encode(_ frame: borrowing RedactedFrame) {}
        let redactor = Redactor(width: 8, height: 8)

        """

    @Test func aRedactedFrameIsAccepted() throws {
        // The harness itself: the lawful road builds, so the refusals below mean something.
        let result = try compile(prelude + "func lawful(_ raw: consuming RawFrame) { encode(redactor.redact(raw, faces: [], people: [])) }\n")
        #expect(result.status == 0, "\(result.messages)")
    }

    @Test func aRawFrameIsRefused() throws {
        let result = try compile(prelude + "func leak(_ raw: borrowing RawFrame) { encode(raw) }\n")
        #expect(result.status != 0)
        #expect(result.messages.contains("cannot convert value of type 'RawFrame' to expected argument type 'RedactedFrame'"), "\(result.messages)")
    }

    @Test func noOneButTheRedactorMakesARedactedFrame() throws {
        let result = try compile(prelude + "func forge(_ raw: borrowing RawFrame) { raw.capture { frame in encode(RedactedFrame(redacted: frame)) } }\n")
        #expect(result.status != 0)
        #expect(result.messages.contains("'RedactedFrame' initializer is inaccessible"), "\(result.messages)")
    }

    @Test func aRawFrameCannotBeUsedAfterRedaction() throws {
        // Non-copyable and consumed: no handle to the unredacted pixels outlives the redaction.
        let result = try compile(prelude + """
            func redactThenPeek(_ raw: consuming RawFrame) {
                let redacted = redactor.redact(raw, faces: [], people: [])
                _ = raw.luma
                encode(redacted)
            }

            """)
        #expect(result.status != 0)
        #expect(result.messages.contains("'raw' used after consume"), "\(result.messages)")
    }
}
