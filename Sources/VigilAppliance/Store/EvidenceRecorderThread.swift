import CSystem
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
    private let lock = UnsafeMutablePointer<pthread_mutex_t>.allocate(capacity: 1)
    private let changed = UnsafeMutablePointer<pthread_cond_t>.allocate(capacity: 1)
    // Guarded by `lock`. `spare` present means nothing is handed over or being encoded.
    private var handedOver: RedactedFrame? = nil
    private var handedOverFacts: EvidenceFrameFacts? = nil
    private var spare: RawFrame?
    private var stopping = false
    private var recording = false
    private var failures: [String] = []
    private var spent: (nanoseconds: Int64, frames: Int) = (0, 0)
    /// How long capture waited for the spare buffer, in all: this thread being the slower half.
    public private(set) var waitedNanoseconds: Int64 = 0
    private var thread = pthread_t()
    private var running = false

    /// `spare` is the second buffer, of the same size and format as the capture's.
    public init(recorder: any EvidenceStage, spare: consuming RawFrame) {
        self.recorder = recorder
        self.spare = consume spare
        pthread_mutex_init(lock, nil)
        pthread_cond_init(changed, nil)
    }

    deinit {
        pthread_cond_destroy(changed)
        pthread_mutex_destroy(lock)
        changed.deallocate()
        lock.deallocate()
    }

    /// Starts the thread; false if the system refused one (the caller keeps frames itself).
    public func start() -> Bool {
        let context = Unmanaged.passRetained(self).toOpaque()
        let status = pthread_create(&thread, nil, { raw in
            let stage = Unmanaged<EvidenceRecorderThread>.fromOpaque(raw!).takeRetainedValue()
            stage.encodeHandedOverFrames()
            return nil
        }, context)
        if status != 0 {
            Unmanaged<EvidenceRecorderThread>.fromOpaque(context).release()
            return false
        }
        running = true
        return true
    }

    /// Keeps the frame handed over last, then joins the thread.
    public func stop() {
        guard running else { return }
        pthread_mutex_lock(lock)
        stopping = true
        pthread_cond_broadcast(changed)
        pthread_mutex_unlock(lock)
        pthread_join(thread, nil)
        running = false
    }

    public func record(_ frame: consuming RedactedFrame, facts: EvidenceFrameFacts) -> RawFrame {
        pthread_mutex_lock(lock)
        defer { pthread_mutex_unlock(lock) }
        if spare == nil {
            let started = vigil_clock_nanoseconds(CLOCK_MONOTONIC)
            while spare == nil { pthread_cond_wait(changed, lock) }
            waitedNanoseconds += vigil_clock_nanoseconds(CLOCK_MONOTONIC) - started
        }
        handedOver = consume frame
        handedOverFacts = facts
        pthread_cond_broadcast(changed)
        return spare.take()!
    }

    public var isRecording: Bool { locked { recording } }

    public func takeFailures() -> [String] {
        locked {
            defer { failures.removeAll() }
            return failures
        }
    }

    public var work: (nanoseconds: Int64, frames: Int) { locked { spent } }

    public func finish(atFrame index: Int) {
        waitUntilIdle()
        // The thread waits for work until the next hand-over, so the recorder is ours meanwhile.
        recorder.finish(atFrame: index)
        let stillRecording = recorder.isRecording
        locked { recording = stillRecording }
    }

    /// Waits until the frame handed over last is kept (tests, `finish`).
    public func waitUntilIdle() {
        pthread_mutex_lock(lock)
        while spare == nil { pthread_cond_wait(changed, lock) }
        pthread_mutex_unlock(lock)
    }

    private func encodeHandedOverFrames() {
        while true {
            pthread_mutex_lock(lock)
            while handedOver == nil && !stopping { pthread_cond_wait(changed, lock) }
            guard let frame = handedOver.take(), let facts = handedOverFacts else {
                pthread_mutex_unlock(lock)
                return
            }
            pthread_mutex_unlock(lock)
            let buffer = recorder.record(frame, facts: facts)
            let stillRecording = recorder.isRecording, newFailures = recorder.takeFailures(), work = recorder.work
            pthread_mutex_lock(lock)
            spare = consume buffer
            recording = stillRecording
            failures += newFailures
            spent = work
            pthread_cond_broadcast(changed)
            pthread_mutex_unlock(lock)
        }
    }

    private func locked<Result>(_ body: () -> Result) -> Result {
        pthread_mutex_lock(lock)
        defer { pthread_mutex_unlock(lock) }
        return body()
    }
}
