import Testing
@testable import VigilAnalysis
import VigilCore

/// What redaction covered of a face, the analysis forgets: after `forget`, the last frame and the
/// background model hold only the face's mosaic, and the next frames meet them as a mosaic too.
@Suite struct ForgottenFaceTests {
    /// A face the redactor covered in blocks of 16.
    static let face = DetailedPatch.area

    static func count(_ plane: Plane) -> Int {
        var count = 0
        for y in 0..<plane.height { for value in plane.row(y) where value != 0 { count += 1 } }
        return count
    }

    @Test func aForgottenFaceIsKeptOnlyAsItsMosaic() {
        let analyzer = SceneAnalyzer(width: DetailedPatch.width, height: DetailedPatch.height)
        var events: [SceneEvent] = []
        analyzer.analyze(DetailedPatch.frame(), frameIndex: 0, milliseconds: 0, events: &events)
        #expect(!DetailedPatch.isMosaic(analyzer.change.previous) && !DetailedPatch.isMosaic(analyzer.background.mean), "before forget the detail is kept")
        analyzer.forget([Self.face])
        #expect(DetailedPatch.isMosaic(analyzer.change.previous) && DetailedPatch.isMosaic(analyzer.background.mean))
        #expect(analyzer.change.previous[10, 10] == 110 && analyzer.background.mean[300, 200] == 110, "outside the face the frame as it was")
        // The next frame, face and all, is pixelated there before the analysis keeps it.
        analyzer.analyze(DetailedPatch.frame(), frameIndex: 1, milliseconds: 40, events: &events)
        #expect(DetailedPatch.isMosaic(analyzer.change.previous) && DetailedPatch.isMosaic(analyzer.background.mean), "even before this frame's forget")
    }

    @Test func aFaceThatStaysPutIsNotMotion() {
        // Mosaic meets mosaic: were only the kept planes pixelated, the detail of each new frame
        // would differ from them by 85 grey levels at every pixel of the face.
        let analyzer = SceneAnalyzer(width: DetailedPatch.width, height: DetailedPatch.height)
        var events: [SceneEvent] = []
        for index in 0..<5 {
            analyzer.analyze(DetailedPatch.frame(), frameIndex: index, milliseconds: index * 40, events: &events)
            #expect(Self.count(analyzer.change.changed) == 0 && Self.count(analyzer.background.foreground) == 0, "frame \(index)")
            analyzer.forget([Self.face])
        }
        #expect(events.isEmpty)
    }

    @Test func whereAFaceIsNoLongerHeldTheAnalysisSeesTheFrameAgain() {
        // A face-like patch on still background, held for a few frames and then let go: its
        // mosaic must not stay behind in the model as foreground that becomes a track.
        let analyzer = SceneAnalyzer(width: DetailedPatch.width, height: DetailedPatch.height)
        var events: [SceneEvent] = []
        for index in 0..<30 {
            analyzer.analyze(DetailedPatch.frame(), frameIndex: index, milliseconds: index * 40, events: &events)
            analyzer.forget(index < 5 ? [Self.face] : [])
            if index > 5 {
                #expect(Self.count(analyzer.background.foreground) == 0 && Self.count(analyzer.change.changed) == 0, "frame \(index)")
            }
        }
        #expect(analyzer.tracker.tracks.isEmpty && events.isEmpty)
        #expect(!DetailedPatch.isMosaic(analyzer.background.mean), "the model has the patch as it is again")
    }

    @Test func aMovingFaceHealsOnlyWhereItWas() {
        let analyzer = SceneAnalyzer(width: DetailedPatch.width, height: DetailedPatch.height)
        var events: [SceneEvent] = []
        let moved = PixelatedArea(box: Box(minX: 112, minY: 80, maxX: 175, maxY: 143), block: 16)
        analyzer.analyze(DetailedPatch.frame(), frameIndex: 0, milliseconds: 0, events: &events)
        analyzer.forget([Self.face])
        analyzer.analyze(DetailedPatch.frame(), frameIndex: 1, milliseconds: 40, events: &events)
        analyzer.forget([moved])
        analyzer.analyze(DetailedPatch.frame(), frameIndex: 2, milliseconds: 80, events: &events)
        let model = analyzer.background.mean
        #expect(model[96, 100] != model[97, 100], "where only the old box was: the frame as it is")
        #expect(model[112, 100] == model[113, 100], "inside the new box: still the mosaic")
    }

    @Test func theRawFrameIsNeverPaintedOn() {
        // At this size the analysed plane is the frame itself; the face search reads the frame
        // after the analysis, and a mosaic there would hide the face from it.
        let analyzer = SceneAnalyzer(width: DetailedPatch.width, height: DetailedPatch.height, masked: [PixelatedArea(box: Box(minX: 0, minY: 0, maxX: 31, maxY: 31), block: 16)])
        #expect(analyzer.factor == 1)
        var events: [SceneEvent] = []
        let frame = DetailedPatch.frame()
        frame[5, 5] = 0
        analyzer.analyze(frame, frameIndex: 0, milliseconds: 0, events: &events)
        analyzer.forget([Self.face])
        analyzer.analyze(frame, frameIndex: 1, milliseconds: 40, events: &events)
        #expect(!DetailedPatch.isMosaic(frame) && frame[5, 5] == 0, "the frame keeps its detail, inside the face and the mask")
        #expect(DetailedPatch.isMosaic(analyzer.change.previous), "what the analysis keeps does not")
    }

    @Test func theFacesForgottenLastAreReplacedByTheNextOnes() {
        let analyzer = SceneAnalyzer(width: 1280, height: 720)
        analyzer.forget([PixelatedArea(box: Box(minX: 400, minY: 200, maxX: 479, maxY: 279), block: 40)])
        #expect(analyzer.forgotten == [PixelatedArea(box: Box(minX: 100, minY: 50, maxX: 119, maxY: 69), block: 10)], "shrunk to the analysed size")
        analyzer.forget([])
        #expect(analyzer.forgotten.isEmpty, "a face no longer covered is no longer pixelated in what comes")
    }
}
