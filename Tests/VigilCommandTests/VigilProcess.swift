import Foundation
import Testing

/// What one run of the `vigil` executable did.
struct VigilRun {
    let status: Int32
    let standardOutput: String
    let standardError: String

    var outputLines: [String] { standardOutput.split(separator: "\n").map(String.init) }
    var eventLines: [String] { outputLines.filter { $0.hasPrefix("{\"event\":") } }
    var errorLines: [String] { standardError.split(separator: "\n").map(String.init) }
}

/// Runs the `vigil` built next to this test bundle as a separate process, so the tests see
/// exactly what a technician sees: exit status, stdout, stderr.
enum VigilProcess {
    /// `swift test` builds every product, the executable too, into the test bundle's directory.
    static func executable() throws -> URL {
        let bundleDirectory = try #require(Bundle.main.executableURL).deletingLastPathComponent()
        let vigil = bundleDirectory.appendingPathComponent("vigil")
        try #require(FileManager.default.isExecutableFile(atPath: vigil.path),
                     "no vigil executable at \(vigil.path); `swift test` builds it (or `swift build` with the same scratch path)")
        return vigil
    }

    /// Runs `vigil arguments...` with `input` on its standard input.
    static func run(_ arguments: [String], input: Data = Data()) throws -> VigilRun {
        try run(executable(), arguments, input: input)
    }

    /// Runs a Debian tool the tests compare with (ffmpeg, ffprobe) from /usr/bin.
    static func runTool(_ name: String, _ arguments: [String]) throws -> VigilRun {
        let tool = URL(fileURLWithPath: "/usr/bin/" + name)
        try #require(FileManager.default.isExecutableFile(atPath: tool.path), "no \(tool.path); scripts/install-deps.sh installs it")
        return try run(tool, arguments, input: Data())
    }

    private static func run(_ executable: URL, _ arguments: [String], input: Data) throws -> VigilRun {
        let scratch = try ScratchDirectory()
        // Files rather than pipes: nothing can block however much either side writes.
        let stdin = try scratch.file("stdin", input), stdout = try scratch.file("stdout", Data()), stderr = try scratch.file("stderr", Data())
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.standardInput = try FileHandle(forReadingFrom: URL(fileURLWithPath: stdin))
        process.standardOutput = try FileHandle(forWritingTo: URL(fileURLWithPath: stdout))
        process.standardError = try FileHandle(forWritingTo: URL(fileURLWithPath: stderr))
        try process.run()
        process.waitUntilExit()
        return VigilRun(status: process.terminationStatus,
                        standardOutput: try String(contentsOfFile: stdout, encoding: .utf8),
                        standardError: try String(contentsOfFile: stderr, encoding: .utf8))
    }
}

/// A scratch directory for one test's files, removed when the test is done with it.
final class ScratchDirectory {
    let url: URL

    init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("vigil-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(at: url) }

    /// Writes `contents` to `name` in the directory and returns its path.
    func file(_ name: String, _ contents: Data) throws -> String {
        let file = url.appendingPathComponent(name)
        try contents.write(to: file)
        return file.path
    }
}
