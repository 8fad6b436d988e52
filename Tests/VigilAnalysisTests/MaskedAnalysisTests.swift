import Testing
@testable import VigilAnalysis
import VigilCore

/// The analysis sees the redaction's masks only as a mosaic: nothing it keeps from one frame to
/// the next (the last frame, the background model) shows more of a masked window than the
/// redacted frames do.
@Suite struct MaskedAnalysisTests {
    static let width = 320, height = 240
    /// A neighbour's window, in blocks of 16 (a 320-wide frame is analysed at full size).
    static let window = PixelatedArea(box: Box(minX: 96, minY: 80, maxX: 159, maxY: 143), block: 16)

    /// Mid grey with a one-pixel checkerboard over the window that changes with `phase`.
    static func frame(phase: Int) -> Plane {
        let plane = Plane(width: width, height: height)
        plane.fill(110)
        for y in window.box.minY...window.box.maxY {
            for x in window.box.minX...window.box.maxX { plane[x, y] = (x + y + phase) % 2 == 0 ? UInt8(30 + phase) : 200 }
        }
        return plane
    }

    /// True when every block of the window in `plane` holds a single value.
    static func isMosaic(_ plane: Plane) -> Bool {
        for top in stride(from: window.box.minY, through: window.box.maxY, by: window.block) {
            for left in stride(from: window.box.minX, through: window.box.maxX, by: window.block) {
                let first = plane[left, top]
                for y in top..<(top + window.block) {
                    for x in left..<(left + window.block) where plane[x, y] != first { return false }
                }
            }
        }
        return true
    }

    @Test func whatTheAnalysisKeepsOfAMaskedWindowIsItsMosaic() {
        let unmasked = SceneAnalyzer(width: Self.width, height: Self.height)
        var events: [SceneEvent] = []
        unmasked.analyze(Self.frame(phase: 0), frameIndex: 0, milliseconds: 0, events: &events)
        #expect(!Self.isMosaic(unmasked.change.previous) && !Self.isMosaic(unmasked.background.mean), "without a mask the detail is kept")
        let analyzer = SceneAnalyzer(width: Self.width, height: Self.height, masked: [Self.window])
        for index in 0..<10 {
            let frame = Self.frame(phase: index % 3)
            analyzer.analyze(frame, frameIndex: index, milliseconds: index * 200, events: &events)
            #expect(Self.isMosaic(analyzer.change.previous) && Self.isMosaic(analyzer.background.mean), "frame \(index)")
            #expect(analyzer.change.previous[10, 10] == 110 && analyzer.change.previous[300, 200] == 110, "outside the mask the frame as it was")
        }
    }

    @Test func masksAreShrunkToTheAnalysedSize() {
        // A 1280-wide frame is analysed at a quarter: 16-pixel mask blocks become 4, an 8-pixel block 2.
        let analyzer = SceneAnalyzer(width: 1280, height: 720)
        #expect(analyzer.factor == 4)
        let block = PixelatedArea(box: Box(minX: 400, minY: 208, maxX: 415, maxY: 223), block: 16)
        #expect(block.shrunk(by: 4) == PixelatedArea(box: Box(minX: 100, minY: 52, maxX: 103, maxY: 55), block: 4))
        #expect(PixelatedArea(box: block.box, block: 8).shrunk(by: 4).block == 2)
    }
}
