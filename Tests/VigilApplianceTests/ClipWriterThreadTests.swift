import Foundation
import Testing
import VigilAppliance
import VigilEvidence

@Suite struct ClipWriterThreadTests {
    /// A stalled flash is a writer that has not got round to the queue: capture goes on, the
    /// frames that do not fit are dropped and counted, and the ones queued are written in order.
    @Test func framesBeyondTheQueueAreDroppedAndCountedNeverBlocking() throws {
        let directory = try TemporaryDirectory()
        let reviewers = [ReviewerSecretKey.generate(), ReviewerSecretKey.generate()]
        let store = try ClipStore(directory: directory.path, unitKeyPath: directory.path + "/unit.key",
                                  recipients: reviewers.map { $0.publicKey }, syncEvery: 1, policy: StoragePolicy())
        let writer = ClipWriterThread(sink: StoreClipSink(store: store, epochMilliseconds: 0), capacityBytes: 10 * 1000)
        writer.eventKind = .fall
        writer.beginClip(atFrame: 0, milliseconds: 0)
        // A frame record of exactly 1000 bytes (the opener parses records; the JPEG is not decoded).
        let overhead = [UInt8]().withUnsafeBytes { FrameRecord.encode(captureMilliseconds: 0, frameIndex: 0, boxes: [], jpeg: $0).count }
        let payload = [UInt8](repeating: 7, count: 1000 - overhead)
        for index in 0..<15 {
            let record = payload.withUnsafeBytes { FrameRecord.encode(captureMilliseconds: Int64(index), frameIndex: UInt32(index), boxes: [], jpeg: $0) }
            record.withUnsafeBytes { writer.write(frameIndex: index, milliseconds: index * 100, bytes: $0) }
        }
        writer.endClip(atFrame: 14)
        let queued = writer.snapshot
        #expect(queued.queuedFrames == 10 && queued.framesDropped == 5 && queued.queuedBytes == 10_000, "10 fit, 5 dropped")
        #expect(writer.start())
        writer.waitUntilIdle()
        writer.stop()
        let done = writer.snapshot
        #expect(done.framesWritten == 10 && done.queuedFrames == 0 && done.queuedBytes == 0 && done.peakQueuedBytes == 10_000)
        #expect(done.clipsClosed == 1 && done.failure == nil && !done.writing)
        let bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: try #require(done.lastClip))))
        switch ClipOpener.open(bytes, keys: reviewers) {
        case .success(let clip):
            #expect(clip.header.eventKind == .fall && clip.completeness == .complete)
            #expect(clip.frames.map { Int($0.frameIndex) } == Array(0..<10), "the queued frames, in order")
        case .failure(let error):
            Issue.record("the clip does not open: \(error.message)")
        }
    }
}
