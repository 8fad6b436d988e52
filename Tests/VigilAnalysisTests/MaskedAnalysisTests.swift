import Testing
@testable import VigilAnalysis
import VigilCore

/// The analysis sees the redaction's masks only as a mosaic: nothing it keeps from one frame to
/// the next (the last frame, the background model) shows more of a masked window than the
/// redacted frames do.
@Suite struct MaskedAnalysisTests {
    /// A neighbour's window, in blocks of 16.
    static let window = DetailedPatch.area

    @Test func whatTheAnalysisKeepsOfAMaskedWindowIsItsMosaic() {
        let unmasked = SceneAnalyzer(width: DetailedPatch.width, height: DetailedPatch.height)
        var events: [SceneEvent] = []
        unmasked.analyze(DetailedPatch.frame(phase: 0), frameIndex: 0, milliseconds: 0, events: &events)
        #expect(!DetailedPatch.isMosaic(unmasked.change.previous) && !DetailedPatch.isMosaic(unmasked.background.mean), "without a mask the detail is kept")
        let analyzer = SceneAnalyzer(width: DetailedPatch.width, height: DetailedPatch.height, masked: [Self.window])
        for index in 0..<10 {
            let frame = DetailedPatch.frame(phase: index % 3)
            analyzer.analyze(frame, frameIndex: index, milliseconds: index * 200, events: &events)
            #expect(DetailedPatch.isMosaic(analyzer.change.previous) && DetailedPatch.isMosaic(analyzer.background.mean), "frame \(index)")
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
