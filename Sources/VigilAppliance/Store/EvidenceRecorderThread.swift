import CSystem
import VigilDevices
import VigilPrivacy

/// The evidence stage on a second core: the capture thread hands each redacted frame over and
/// goes on with the next one, capturing into the buffer this thread has finished with. On the
/// emulated board JPEG encoding is about half of a 640x480 frame's time, so this is what lets
/// a two-core unit keep up with 25 fps.
///
/// Two frame buffers rotate: one with the capture thread, the other handed over, being encoded
/// or waiting as the spare. So frames are kept in order, at most one behind capture, with one
/// extra frame of memory; capture waits for the spare only when encoding is the slower half,
/// and the driver's queue absorbs that as it would a slow frame.
public final class EvidenceRecorderThread: EvidenceStage {
    private let recorder: any EvidenceStage
    private let worker = WorkerThread()
    // Guarded by `worker.locked`. `spare` present means nothing is handed over or being encoded.
    private var handedOver: RedactedFrame? = nil
    private var handedOverFacts: EvidenceFrameFacts? = nil
    private var spare: RawFrame?
    private var recording = false
    private var failures: [String] = []
    private var spent: (nanoseconds: Int64, frames: Int) = (0, 0)
    /// How long capture waited for the spare buffer, in all: this thread being the slower half.
    public private(set) var waitedNanoseconds: Int64 = 0

    /// `spare` is the second buffer, of the same size and format as the capture's.
    public init(recorder: any EvidenceStage, spare: consuming RawFrame) {
        self.recorder = recorder
        self.spare = consume spare
    }

    /// Starts the thread; false if the system refused one (the caller keeps frames itself).
    public func start() -> Bool { worker.start { self.encodeHandedOverFrames() } }

    /// Keeps the frame handed over last, then joins the thread.
    public func stop() { worker.stop() }

    public func record(_ frame: consuming RedactedFrame, facts: EvidenceFrameFacts) -> RawFrame {
        var incoming: RedactedFrame? = consume frame
        return worker.locked {
            if spare == nil {
                let started = vigil_clock_nanoseconds(CLOCK_MONOTONIC)
                while spare == nil { worker.waitForChange() }
                waitedNanoseconds += vigil_clock_nanoseconds(CLOCK_MONOTONIC) - started
            }
            handedOver = incoming.take()
            handedOverFacts = facts
            worker.announceChange()
            return spare.take()!
        }
    }

    public var isRecording: Bool { worker.locked { recording } }

    public func takeFailures() -> [String] {
        worker.locked {
            defer { failures.removeAll() }
            return failures
        }
    }

    public var work: (nanoseconds: Int64, frames: Int) { worker.locked { spent } }

    public func finish(atFrame index: Int) {
        waitUntilIdle()
        // The thread waits for work until the next hand-over, so the recorder is ours meanwhile.
        recorder.finish(atFrame: index)
        let stillRecording = recorder.isRecording
        worker.locked { recording = stillRecording }
    }

    /// Waits until the frame handed over last is kept (tests, `finish`).
    public func waitUntilIdle() {
        worker.locked {
            while spare == nil { worker.waitForChange() }
        }
    }

    private func encodeHandedOverFrames() {
        while true {
            var facts: EvidenceFrameFacts? = nil
            let next: RedactedFrame? = worker.locked {
                while handedOver == nil && !worker.isStopping { worker.waitForChange() }
                facts = handedOverFacts
                return handedOver.take()
            }
            guard let frame = consume next, let facts else { return }
            let buffer = recorder.record(frame, facts: facts)
            let stillRecording = recorder.isRecording, newFailures = recorder.takeFailures(), work = recorder.work
            var returned: RawFrame? = consume buffer
            worker.locked {
                spare = returned.take()
                recording = stillRecording
                failures += newFailures
                spent = work
                worker.announceChange()
            }
        }
    }
}
