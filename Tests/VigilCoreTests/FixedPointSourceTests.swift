import Foundation
import Testing

/// The per-frame path is integer arithmetic: no Float or Double in the modules frames pass
/// through. Comments may mention them; code may not.
@Suite struct FixedPointSources {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let perFrameModules = ["VigilCore", "VigilAnalysis", "VigilPrivacy"]

    static func swiftFiles(in module: String) -> [URL] {
        let directory = root.appendingPathComponent("Sources").appendingPathComponent(module)
        let walker = FileManager.default.enumerator(at: directory, includingPropertiesForKeys: nil)
        return (walker?.allObjects as? [URL] ?? []).filter { $0.pathExtension == "swift" }
    }

    /// Lines that use a floating-point type or literal outside comments.
    static func floatingPointLines(in text: String) -> [String] {
        let pattern = try! NSRegularExpression(pattern: #"\b(Float|Double|Float16|Float32|Float64|Float80|CGFloat)\b|\b\d+\.\d+\b"#)
        return text.split(separator: "\n", omittingEmptySubsequences: false).compactMap { line -> String? in
            var code = String(line)
            if let comment = code.range(of: "//") { code = String(code[..<comment.lowerBound]) }
            // String literals may say "25.06 fps".
            code = code.replacingOccurrences(of: #""[^"]*""#, with: "\"\"", options: .regularExpression)
            let range = NSRange(code.startIndex..., in: code)
            return pattern.firstMatch(in: code, range: range) == nil ? nil : String(line)
        }
    }

    @Test(arguments: perFrameModules)
    func moduleHasNoFloatingPoint(_ module: String) throws {
        let files = Self.swiftFiles(in: module)
        #expect(files.count >= 3, "no sources found for \(module) under \(Self.root.path)")
        for file in files {
            let offending = Self.floatingPointLines(in: try String(contentsOf: file, encoding: .utf8))
            #expect(offending.isEmpty, "\(file.lastPathComponent): \(offending)")
        }
    }

    @Test func theScanCatchesFloatingPoint() {
        #expect(Self.floatingPointLines(in: "let gain: Double = 1\nlet x = 0.5 * y").count == 2)
        #expect(Self.floatingPointLines(in: "// a Double in a comment\nprint(\"25.06 fps\")\nlet n = 3").isEmpty)
    }
}
