import Foundation
import Testing

/// `vigil redact` as an auditor runs it: what it writes, what it reports, and that bad input
/// leaves no output file behind.
@Suite struct RedactCommand {
    static let frames = 30
    static let stream = SyntheticStream.y4m(frames: frames)
    /// A real photo with faces, from the shared footage (never copied into the project).
    static let photo = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("../../../shared/data/faces/messi5.jpg").standardized.path

    struct Region {
        let frame: Int, kind: String, x: Int, y: Int, width: Int, height: Int
    }

    static func regions(_ run: VigilRun) throws -> [Region] {
        try run.outputLines.filter { $0.hasPrefix("{\"frame\":") }.map { line in
            let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
            let box = try #require(object["box"] as? [Int])
            return Region(frame: try #require(object["frame"] as? Int), kind: try #require(object["kind"] as? String),
                          x: box[0], y: box[1], width: box[2], height: box[3])
        }
    }

    static func leftovers(_ directory: ScratchDirectory) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: directory.url.path).filter { $0.hasPrefix("out") }
    }

    @Test func aStreamChangesOnlyTheRegionsItReportsAndChangesEachOfThem() throws {
        let scratch = try ScratchDirectory()
        let input = try scratch.file("in.y4m", Self.stream)
        let output = scratch.url.appendingPathComponent("out.y4m").path
        let run = try VigilProcess.run(["redact", "--boxes", input, output])
        #expect(run.status == 0, "\(run.standardError)")
        let redacted = try Data(contentsOf: URL(fileURLWithPath: output))
        try #require(redacted.count == Self.stream.count, "the output has the input's header and frame sizes")
        let regions = try Self.regions(run)
        #expect(regions.contains { $0.kind == "head" }, "the walker's head is covered: \(run.standardOutput)")
        let width = SyntheticStream.width
        for frame in 0..<Self.frames {
            let start = SyntheticStream.offset(ofFrame: frame) + 6
            let inFrame = regions.filter { $0.frame == frame }
            var changedInside = Array(repeating: false, count: inFrame.count)
            for y in 0..<SyntheticStream.height {
                for x in 0..<width where redacted[start + y * width + x] != Self.stream[start + y * width + x] {
                    // Blocks lie on a grid from the origin and are painted whole, so a changed
                    // pixel lies within a block (at most half a region, or 16 pixels) of one.
                    let owners = inFrame.indices.filter { index in
                        let r = inFrame[index], block = max(16, max(r.width, r.height) / 2)
                        return x > r.x - block && x < r.x + r.width + block && y > r.y - block && y < r.y + r.height + block
                    }
                    #expect(!owners.isEmpty, "frame \(frame): pixel \(x),\(y) changed outside every reported region")
                    for owner in owners { changedInside[owner] = true }
                }
            }
            #expect(changedInside.allSatisfy { $0 }, "frame \(frame): a reported region was left unchanged")
        }
        #expect(try Self.leftovers(scratch) == ["out.y4m"])
    }

    @Test func aCutStreamLeavesNoOutput() throws {
        let scratch = try ScratchDirectory()
        let cut = SyntheticStream.offset(ofFrame: 20) + 100
        let input = try scratch.file("in.y4m", Self.stream.prefix(cut))
        let run = try VigilProcess.run(["redact", input, scratch.url.appendingPathComponent("out.y4m").path])
        #expect(run.status == 2)
        #expect(run.standardError.contains("frame 20 is truncated") && run.standardError.contains("no output written"), "\(run.standardError)")
        #expect(try Self.leftovers(scratch).isEmpty, "neither OUT nor OUT.partial")
    }

    @Test func aStillGetsItsFacesCoveredAndADamagedOneIsRefused() throws {
        let scratch = try ScratchDirectory()
        let output = scratch.url.appendingPathComponent("out.jpg").path
        let run = try VigilProcess.run(["redact", "--boxes", Self.photo, output])
        #expect(run.status == 0, "\(run.standardError)")
        #expect(try Self.regions(run).contains { $0.kind == "face" }, "\(run.standardOutput)")
        let written = try Data(contentsOf: URL(fileURLWithPath: output))
        #expect(written.starts(with: [0xFF, 0xD8, 0xFF]), "a JPEG")
        try FileManager.default.removeItem(atPath: output)

        let original = try Data(contentsOf: URL(fileURLWithPath: Self.photo))
        let truncated = try scratch.file("cut.jpg", original.prefix(original.count / 2))
        let damaged = try VigilProcess.run(["redact", truncated, output])
        #expect(damaged.status == 2)
        #expect(damaged.standardError.contains("damaged JPEG"), "\(damaged.standardError)")
        #expect(try Self.leftovers(scratch).isEmpty)
    }

    /// turbojpeg writes the luma of subsampled JPEGs in even-sized planes: an odd-sized photo
    /// is decoded into room for that (a guard in JPEGStill stops the run otherwise).
    @Test(arguments: ["yuvj420p", "yuvj422p", "yuvj444p", "gray"])
    func anOddSizedStillIsRedacted(_ pixelFormat: String) throws {
        let scratch = try ScratchDirectory()
        let odd = scratch.url.appendingPathComponent("odd.jpg").path
        let ffmpeg = try VigilProcess.runTool("ffmpeg", ["-nostdin", "-loglevel", "error", "-i", Self.photo, "-vf", "scale=333:201",
                                                         "-pix_fmt", pixelFormat, odd])
        #expect(ffmpeg.status == 0, "\(ffmpeg.standardError)")
        let output = scratch.url.appendingPathComponent("out.jpg").path
        let run = try VigilProcess.run(["redact", odd, output])
        #expect(run.status == 0, "\(run.standardError)")
        #expect(try Data(contentsOf: URL(fileURLWithPath: output)).starts(with: [0xFF, 0xD8, 0xFF]))
    }

    @Test func aStillOverTheConfiguredSizeIsRefused() throws {
        let scratch = try ScratchDirectory()
        let config = try scratch.file("site.conf", Data("[redaction]\nmax_image_pixels = 10000\n".utf8))
        let run = try VigilProcess.run(["redact", "--config", config, Self.photo, scratch.url.appendingPathComponent("out.jpg").path])
        #expect(run.status == 2)
        #expect(run.standardError.contains("more than the 10000 pixels allowed"), "\(run.standardError)")
        #expect(try Self.leftovers(scratch).isEmpty)
    }

    @Test func aMaskIsCoveredInEveryFrame() throws {
        let scratch = try ScratchDirectory()
        let config = try scratch.file("site.conf", Data("[redaction]\nredact = masks\nmask = 100,0 160,0 160,40 100,40\n".utf8))
        let input = try scratch.file("in.y4m", Self.stream)
        let run = try VigilProcess.run(["redact", "--boxes", "--config", config, input, scratch.url.appendingPathComponent("out.y4m").path])
        #expect(run.status == 0, "\(run.standardError)")
        let regions = try Self.regions(run)
        #expect(regions.count == Self.frames, "one region per frame: \(run.standardOutput)")
        #expect(regions.allSatisfy { $0.kind == "mask" && $0.x == 96 && $0.y == 0 && $0.width == 64 && $0.height == 48 }, "\(run.standardOutput)")
    }

    @Test func everyMistakeOfTheRedactionSectionIsReportedWithItsLine() throws {
        let scratch = try ScratchDirectory()
        let config = try scratch.file("site.conf", Data("[redaction]\nredact = faces,eyes\nmask = 1,2 3\nface_hold_frames = -1\ncascade = nope\n".utf8))
        let input = try scratch.file("in.y4m", Self.stream)
        let run = try VigilProcess.run(["redact", "--config", config, input, scratch.url.appendingPathComponent("out.y4m").path])
        #expect(run.status == 2)
        for line in 2...5 { #expect(run.standardError.contains("site.conf: line \(line): "), "line \(line): \(run.standardError)") }
        #expect(try Self.leftovers(scratch).isEmpty)
    }
}
