import VigilAnalysis
import VigilAppliance
import VigilCore
import VigilDevices
import VigilEvidence
import VigilPrivacy

/// `vigil replay --record`: the unit's recording path on footage, synchronously. Each frame is
/// analysed and redacted (`FramePipeline`), encoded into a frame record, kept in the pre-event
/// ring, and written to encrypted clips while an event is under way.
final class ReplayRecording {
    static let preRollMilliseconds = 2000
    static let postRollMilliseconds = 3000

    let sink: StoreClipSink
    let pipeline: FramePipeline
    private let evidence: EvidenceRecorder<StoreClipSink>

    init(store: ClipStore, pipeline: FramePipeline) throws(DeviceError) {
        sink = StoreClipSink(store: store, epochMilliseconds: wallClockMilliseconds())
        self.pipeline = pipeline
        evidence = try EvidenceRecorder(sink: sink, preRollMilliseconds: ReplayRecording.preRollMilliseconds,
                                        postRollMilliseconds: ReplayRecording.postRollMilliseconds, ringBytes: 16 << 20, quality: 85)
    }

    /// Opens the store, or says why recording is refused (fail closed: no clip is written).
    static func open(directory: String, recipientList: String, unitKeyPath: String?, syncEvery: Int, policy: StoragePolicy,
                     pipeline: FramePipeline) -> Result<ReplayRecording, UsageError> {
        let recipients: [ReviewerPublicKey]
        switch KeyFiles.reviewerPublicKeys(recipientList.split(separator: ",").map { String($0) }) {
        case .success(let keys): recipients = keys
        case .failure(let error): return .failure(.refused(command: "replay", message: "recording refused: " + error.message))
        }
        do throws(StoreError) {
            let store = try ClipStore(directory: directory, unitKeyPath: unitKeyPath ?? directory + "/" + ClipNames.unitKey,
                                      recipients: recipients, syncEvery: syncEvery, policy: policy)
            for outcome in store.recovered { StandardStreams.writeError("vigil replay: recovered " + outcome.description) }
            do throws(DeviceError) { return .success(try ReplayRecording(store: store, pipeline: pipeline)) } catch { throw .device(error) }
        } catch {
            return .failure(.refused(command: "replay", message: error.message))
        }
    }

    /// One redacted frame and the events its analysis raised (all of them are recorded).
    func frame(_ frame: borrowing RedactedFrame, index: Int, milliseconds: Int) throws(DeviceError) {
        let events = pipeline.events
        let kind: EventKind? = events.isEmpty ? nil : (events.contains { $0.kind == .fall } ? .fall : .motion)
        try evidence.frame(frame, facts: EvidenceFrameFacts(index: index, milliseconds: milliseconds, captureMilliseconds: sink.epochMilliseconds + Int64(milliseconds),
                                                            recorded: events, people: pipeline.people, kind: kind, otherActivity: false))
    }

    /// Closes an open clip; returns the first failure of the store, if any.
    func finish(atFrame index: Int) -> StoreError? {
        evidence.finish(atFrame: index)
        return sink.failure
    }

    var clipsWritten: Int { sink.store.closedPaths.count }
    var clipsEvicted: Int { sink.store.evicted.count }
}
