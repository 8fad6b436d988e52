import Foundation
import Testing
import VigilAppliance
import VigilCore
import VigilPrivacy

/// An evidence stage slower than capture that notes which frame it kept and what pixel that
/// frame's buffer held when it got there.
private final class SlowStage: EvidenceStage {
    var kept: [(index: Int, pixel: UInt8)] = []
    var finished: (atFrame: Int, afterFrames: Int)? = nil

    func record(_ frame: consuming RedactedFrame, facts: EvidenceFrameFacts) -> RawFrame {
        usleep(1000)
        let pixel = frame.read { luma, _ in luma[0, 0] }
        kept.append((facts.index, pixel))
        return frame.recycle()
    }

    var isRecording: Bool { finished == nil && !kept.isEmpty }
    func takeFailures() -> [String] { kept.count == 3 ? ["frame 2 failed"] : [] }
    var work: (nanoseconds: Int64, frames: Int) { (Int64(kept.count) * 1_000_000, kept.count) }
    func finish(atFrame index: Int) { finished = (index, kept.count) }
}

@Suite struct EvidenceRecorderThreadTests {
    private func facts(_ index: Int) -> EvidenceFrameFacts {
        EvidenceFrameFacts(index: index, milliseconds: index * 40, captureMilliseconds: 0, recorded: [], people: [], kind: nil, otherActivity: false)
    }

    @Test func framesAreKeptInOrderWithTheirOwnPixelsWhileCaptureGoesOn() {
        let stage = SlowStage()
        let thread = EvidenceRecorderThread(recorder: stage, spare: RawFrame(width: 16, height: 8, format: .mono))
        #expect(thread.start())
        let redactor = Redactor(width: 16, height: 8)
        var raw = RawFrame(width: 16, height: 8, format: .mono)
        var buffers: Set<ObjectIdentifier> = []
        for index in 0..<60 {
            // Capture writes the next picture into the buffer handed back: were it still being
            // encoded, the stage would see a later frame's pixel.
            raw.capture { frame in
                frame.luma[0, 0] = UInt8(index)
                buffers.insert(ObjectIdentifier(frame))
            }
            raw = thread.record(redactor.redact(raw, faces: [], people: []), facts: facts(index))
        }
        thread.finish(atFrame: 59)
        #expect(stage.kept.map { $0.index } == Array(0..<60), "every frame, in order")
        #expect(stage.kept.allSatisfy { Int($0.pixel) == $0.index }, "each frame kept with the pixels it was captured with")
        #expect(buffers.count == 2, "two buffers rotate")
        #expect(stage.finished?.atFrame == 59 && stage.finished?.afterFrames == 60, "the clip is closed after the last frame handed over")
        #expect(!thread.isRecording)
        #expect(thread.work.frames == 60)
        #expect(thread.takeFailures() == ["frame 2 failed"] && thread.takeFailures().isEmpty, "failures reach the capture thread once")
        thread.stop()
    }
}
