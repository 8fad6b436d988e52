import CSystem
import VigilDevices
import VigilPrivacy

/// Where the daemon's redacted frames go: JPEG, the pre-event ring and any open clip, either on
/// the capture thread (`EvidenceRecorder` itself) or on a second core (`EvidenceRecorderThread`).
public protocol EvidenceStage: AnyObject {
    /// Keeps `frame` as evidence and returns the buffer to capture the next frame into.
    func record(_ frame: consuming RedactedFrame, facts: EvidenceFrameFacts) -> RawFrame
    /// Whether a clip is open, as of the last frame this stage finished.
    var isRecording: Bool { get }
    /// What went wrong since the last call (an encoding error per frame), for the log.
    func takeFailures() -> [String]
    /// Nanoseconds spent encoding and keeping frames, and how many, since the stage began.
    var work: (nanoseconds: Int64, frames: Int) { get }
    /// Closes an open clip (shutdown, camera lost) once every frame handed over is kept.
    func finish(atFrame index: Int)
}

extension EvidenceRecorder: EvidenceStage {
    public func record(_ frame: consuming RedactedFrame, facts: EvidenceFrameFacts) -> RawFrame {
        let started = vigil_clock_nanoseconds(CLOCK_MONOTONIC)
        do throws(DeviceError) { try self.frame(frame, facts: facts) } catch { failures.append(error.message) }
        spent.nanoseconds += vigil_clock_nanoseconds(CLOCK_MONOTONIC) - started
        spent.frames += 1
        return frame.recycle()
    }

    public func takeFailures() -> [String] {
        defer { failures.removeAll() }
        return failures
    }

    public var work: (nanoseconds: Int64, frames: Int) { spent }
}
