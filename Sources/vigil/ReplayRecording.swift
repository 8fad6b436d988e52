import VigilAnalysis
import VigilCore
import VigilDevices
import VigilEvidence

/// `vigil replay --record`: the unit's recording path on footage. Each frame is JPEG-encoded
/// into a frame record, kept in the pre-event ring, and written to encrypted clips while an
/// event is under way: from an event until every track that raised one has left, plus the
/// post-roll.
final class ReplayRecording {
    static let preRollMilliseconds = 2000
    static let postRollMilliseconds = 3000

    let sink: StoreClipSink
    private let recorder: EventRecorder<StoreClipSink>
    private let encoder: GreyJPEGEncoder
    private var eventTracks: [Int] = []

    init(store: ClipStore) throws(DeviceError) {
        encoder = try GreyJPEGEncoder(quality: 85)
        sink = StoreClipSink(store: store, epochMilliseconds: wallClockMilliseconds())
        recorder = EventRecorder(ring: PreEventRing(capacityBytes: 16 << 20, maximumFrames: 512), sink: sink,
                                 preRollMilliseconds: ReplayRecording.preRollMilliseconds, postRollMilliseconds: ReplayRecording.postRollMilliseconds)
    }

    /// Opens the store, or says why recording is refused (fail closed: no clip is written).
    static func open(directory: String, recipientList: String, unitKeyPath: String?, syncEvery: Int,
                     policy: StoragePolicy) -> Result<ReplayRecording, UsageError> {
        var recipients: [ReviewerPublicKey] = []
        for path in recipientList.split(separator: ",") {
            switch KeyFiles.reviewerPublicKey(String(path)) {
            case .success(let key): recipients.append(key)
            case .failure(let error): return .failure(.refused(command: "replay", message: "recording refused: " + error.message))
            }
        }
        do throws(StoreError) {
            let store = try ClipStore(directory: directory, unitKeyPath: unitKeyPath ?? directory + "/" + ClipNames.unitKey,
                                      recipients: recipients, syncEvery: syncEvery, policy: policy)
            for outcome in store.recovered { StandardStreams.writeError("vigil replay: recovered " + outcome.description) }
            do throws(DeviceError) { return .success(try ReplayRecording(store: store)) } catch { throw .device(error) }
        } catch {
            return .failure(.refused(command: "replay", message: error.message))
        }
    }

    /// One analysed frame and the events it raised.
    func frame(_ luma: Plane, index: Int, milliseconds: Int, events: [SceneEvent], tracks: [Track], factor: Int) throws(DeviceError) {
        for event in events where !eventTracks.contains(event.trackID) { eventTracks.append(event.trackID) }
        eventTracks.removeAll { id in !tracks.contains { $0.id == id } }
        if !recorder.isRecording, let event = events.first(where: { $0.kind == .fall }) ?? events.first {
            sink.eventKind = event.kind == .fall ? .fall : .motion
        }
        var boxes: [RecordBox] = []
        for track in tracks where eventTracks.contains(track.id) {
            let box = track.box.scaled(by: factor)
            boxes.append(RecordBox(x: box.minX, y: box.minY, width: box.width, height: box.height))
        }
        let active = !events.isEmpty || !eventTracks.isEmpty
        let captured = sink.epochMilliseconds + Int64(milliseconds)
        let record = try encoder.encode(luma) { jpeg in
            FrameRecord.encode(captureMilliseconds: captured, frameIndex: UInt32(index), boxes: boxes, jpeg: jpeg)
        }
        record.withUnsafeBytes { recorder.frame($0, frameIndex: index, milliseconds: milliseconds, eventActive: active) }
    }

    /// Closes an open clip; returns the first failure of the store, if any.
    func finish(atFrame index: Int) -> StoreError? {
        recorder.finish(atFrame: index)
        return sink.failure
    }

    var clipsWritten: Int { sink.store.closedPaths.count }
    var clipsEvicted: Int { sink.store.evicted.count }
}
