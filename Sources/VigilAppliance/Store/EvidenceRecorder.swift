import VigilAnalysis
import VigilCore
import VigilDevices
import VigilEvidence
import VigilPrivacy

/// A clip sink that is told which kind of event a clip is for before it begins.
public protocol EventClipSink: ClipSink {
    var eventKind: EventKind { get set }
}

extension StoreClipSink: EventClipSink {}
extension ClipWriterThread: EventClipSink {}

/// What the evidence keeps of a frame besides its pixels: `recorded` are the events of this
/// frame that the policy records; `otherActivity` keeps a clip open without a person (a
/// tamper event).
public struct EvidenceFrameFacts {
    public var index: Int
    public var milliseconds: Int
    public var captureMilliseconds: Int64
    public var recorded: [SceneEvent]
    public var people: [TrackedPerson]
    public var kind: EventKind?
    public var otherActivity: Bool

    public init(index: Int, milliseconds: Int, captureMilliseconds: Int64, recorded: [SceneEvent], people: [TrackedPerson],
                kind: EventKind?, otherActivity: Bool) {
        self.index = index
        self.milliseconds = milliseconds
        self.captureMilliseconds = captureMilliseconds
        self.recorded = recorded
        self.people = people
        self.kind = kind
        self.otherActivity = otherActivity
    }
}

/// Redacted frames to evidence: each frame encoded to JPEG in a frame record with the boxes of
/// the people whose events are recorded, kept in the pre-event ring, and written to a clip from
/// the ring's pre-roll until every such person has left, plus the post-roll.
public final class EvidenceRecorder<Sink: EventClipSink> {
    public let recorder: EventRecorder<Sink>
    private let encoder: RedactedJPEGEncoder
    private var eventTracks: [Int] = []
    private var boxes: [RecordBox] = []
    /// Bytes of the last encoded frame.
    public private(set) var lastFrameBytes = 0
    /// As an `EvidenceStage`: the errors not yet logged, and the time spent.
    var failures: [String] = []
    var spent: (nanoseconds: Int64, frames: Int) = (0, 0)

    public init(sink: Sink, preRollMilliseconds: Int, postRollMilliseconds: Int, ringBytes: Int, quality: Int) throws(DeviceError) {
        encoder = try RedactedJPEGEncoder(quality: quality)
        recorder = EventRecorder(ring: PreEventRing(capacityBytes: ringBytes, maximumFrames: 1024), sink: sink,
                                 preRollMilliseconds: preRollMilliseconds, postRollMilliseconds: postRollMilliseconds)
    }

    public var isRecording: Bool { recorder.isRecording }

    /// One redacted frame, with what the analysis and the policy said of it.
    public func frame(_ frame: borrowing RedactedFrame, facts: EvidenceFrameFacts) throws(DeviceError) {
        for event in facts.recorded where !eventTracks.contains(event.trackID) { eventTracks.append(event.trackID) }
        eventTracks.removeAll { id in !facts.people.contains { $0.id == id } }
        if !recorder.isRecording, let kind = facts.kind { recorder.sink.eventKind = kind }
        boxes.removeAll(keepingCapacity: true)
        for person in facts.people where eventTracks.contains(person.id) {
            boxes.append(RecordBox(x: person.box.minX, y: person.box.minY, width: person.box.width, height: person.box.height))
        }
        let active = !facts.recorded.isEmpty || !eventTracks.isEmpty || facts.otherActivity
        let record = try encoder.encode(frame) { jpeg in
            FrameRecord.encode(captureMilliseconds: facts.captureMilliseconds, frameIndex: UInt32(truncatingIfNeeded: facts.index), boxes: boxes, jpeg: jpeg)
        }
        lastFrameBytes = record.count
        record.withUnsafeBytes { recorder.frame($0, frameIndex: facts.index, milliseconds: facts.milliseconds, eventActive: active) }
    }

    /// Closes an open clip (shutdown, camera lost).
    public func finish(atFrame index: Int) {
        recorder.finish(atFrame: index)
        eventTracks.removeAll()
    }
}
