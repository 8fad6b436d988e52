import Testing
import VigilAppliance
@testable import VigilAnalysis
import VigilCore
import VigilPrivacy

/// On the unit's per-frame path, what the analysis keeps of a masked window is exactly what the
/// redacted frame shows of it.
@Suite struct FramePipelineMaskTests {
    @Test func theAnalysisKeepsOnlyTheRedactedMosaicOfAMask() throws {
        var settings = RedactionSettings()
        #expect(settings.set("redact", "masks") == nil)
        #expect(settings.set("mask", "64,64 128,64 128,128 64,128") == nil)
        let pipeline = try FramePipeline(width: 320, height: 240, analysis: AnalysisParameters(), redaction: settings)
        var raw = RawFrame(width: 320, height: 240, format: .yuv420)
        for index in 0..<3 {
            raw.capture { frame in
                frame.luma.fill(90)
                // Someone's window: fine detail inside the mask, different in each frame.
                for y in 64...128 { for x in 64...128 { frame.luma[x, y] = (x + y + index) % 2 == 0 ? 30 : UInt8(200 + index) } }
            }
            let redacted = pipeline.process(raw, frameIndex: index, milliseconds: index * 200)
            let kept = pipeline.analyzer.change.previous, model = pipeline.analyzer.background.mean
            var differing = 0
            redacted.read { luma, _ in
                for y in 64...128 { for x in 64...128 where kept[x, y] != luma[x, y] || (index == 0 && model[x, y] != luma[x, y]) { differing += 1 } }
            }
            #expect(differing == 0, "frame \(index): \(differing) pixels of the mask kept otherwise than redacted")
            raw = redacted.recycle()
        }
    }
}
