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

    public init(sink: Sink, preRollMilliseconds: Int, postRollMilliseconds: Int, ringBytes: Int, quality: Int) throws(DeviceError) {
        encoder = try RedactedJPEGEncoder(quality: quality)
        recorder = EventRecorder(ring: PreEventRing(capacityBytes: ringBytes, maximumFrames: 1024), sink: sink,
                                 preRollMilliseconds: preRollMilliseconds, postRollMilliseconds: postRollMilliseconds)
    }

    public var isRecording: Bool { recorder.isRecording }

    /// One redacted frame. `recorded` are the events of this frame that the policy records;
    /// `otherActivity` keeps a clip open without a person (a tamper event).
    public func frame(_ frame: borrowing RedactedFrame, index: Int, milliseconds: Int, captureMilliseconds: Int64,
                      recorded: [SceneEvent], people: [TrackedPerson], kind: EventKind?, otherActivity: Bool) throws(DeviceError) {
        for event in recorded where !eventTracks.contains(event.trackID) { eventTracks.append(event.trackID) }
        eventTracks.removeAll { id in !people.contains { $0.id == id } }
        if !recorder.isRecording, let kind { recorder.sink.eventKind = kind }
        boxes.removeAll(keepingCapacity: true)
        for person in people where eventTracks.contains(person.id) {
            boxes.append(RecordBox(x: person.box.minX, y: person.box.minY, width: person.box.width, height: person.box.height))
        }
        let active = !recorded.isEmpty || !eventTracks.isEmpty || otherActivity
        let record = try encoder.encode(frame) { jpeg in
            FrameRecord.encode(captureMilliseconds: captureMilliseconds, frameIndex: UInt32(truncatingIfNeeded: index), boxes: boxes, jpeg: jpeg)
        }
        lastFrameBytes = record.count
        record.withUnsafeBytes { recorder.frame($0, frameIndex: index, milliseconds: milliseconds, eventActive: active) }
    }

    /// Closes an open clip (shutdown, camera lost).
    public func finish(atFrame index: Int) {
        recorder.finish(atFrame: index)
        eventTracks.removeAll()
    }
}
