import Foundation
import Testing
import VigilDevices
@testable import VigilEvidence

/// The store on a filesystem of a given size, without mounting one: the share quota evicts by
/// percent of it, and a filesystem that fills up mid-clip leaves that clip closed and whole.
@Suite struct FullFilesystemTests {
    /// A filesystem of `capacity` bytes whose room runs out once a file would pass `fullAt` bytes.
    private func filesystem(capacity: Int, fullAt: Int = .max) -> StoreFilesystem {
        StoreFilesystem(capacity: { (_: String) throws(DeviceError) -> Int in capacity },
                        reserve: { _, offset, length in offset + length > fullAt ? .noSpace : nil })
    }

    private func store(_ directory: TemporaryDirectory, percent: Int, filesystem: StoreFilesystem) throws -> ClipStore {
        try ClipStore(directory: directory.path, unitKeyPath: directory.path + "/unit.key", recipients: ClipFixtures.recipients, syncEvery: 4,
                      policy: StoragePolicy(quotaBytes: 0, quotaPercent: percent, retentionMilliseconds: 0), filesystem: filesystem)
    }

    private func record(_ store: ClipStore, frames: Int, start: Int64) throws {
        try store.begin(kind: .motion, startMilliseconds: start)
        for index in 0..<frames { try ClipFixtures.record(index).encoded.withUnsafeBytes { try store.append(record: $0) } }
        try store.close()
    }

    private func clipBytes(frames: Int) throws -> Int {
        let probe = try TemporaryDirectory()
        try record(try store(probe, percent: 0, filesystem: filesystem(capacity: 1 << 30)), frames: frames, start: 0)
        return try FileSystem.size(probe.path + "/" + ClipNames.closed(1))
    }

    @Test func theShareQuotaEvictsTheOldestByPercentOfTheFilesystem() throws {
        let clip = try clipBytes(frames: 3)
        // 40 % of this filesystem holds two clips and a half: the newest two stay.
        let directory = try TemporaryDirectory()
        let store = try store(directory, percent: 40, filesystem: filesystem(capacity: clip * 25 / 4))
        for index in 0..<6 { try record(store, frames: 3, start: Int64(index)) }
        #expect(directory.names.compactMap { ClipNames.number(in: $0) } == [5, 6])
        #expect(store.evicted == [1, 2, 3, 4])
        let twice = try TemporaryDirectory()
        let roomier = try self.store(twice, percent: 85, filesystem: filesystem(capacity: clip * 25 / 4))
        for index in 0..<6 { try record(roomier, frames: 3, start: Int64(index)) }
        #expect(twice.names.compactMap { ClipNames.number(in: $0) } == [2, 3, 4, 5, 6], "85 % holds five clips")
    }

    @Test func aFullFilesystemClosesTheClipWithEveryFrameWrittenBefore() throws {
        let twoFrames = try clipBytes(frames: 2)
        let directory = try TemporaryDirectory()
        // Room for the header and two frames (and the closing bytes), not for a third.
        let store = try store(directory, percent: 0, filesystem: filesystem(capacity: 1 << 30, fullAt: twoFrames + 40))
        do {
            try record(store, frames: 5, start: 0)
            Issue.record("writing past a full filesystem must fail")
        } catch let error as StoreError {
            guard case .filesystemFull(_, let closedClip) = error else { throw error }
            #expect(closedClip == directory.path + "/" + ClipNames.closed(1))
            #expect(error.message.contains("No space left on device") && error.message.contains("--quota-percent"), "\(error.message)")
        }
        #expect(directory.names.filter { $0.hasPrefix("clip-") } == [ClipNames.closed(1)], "closed, no .partial left")
        let bytes = try FileSystem.readFile(directory.path + "/" + ClipNames.closed(1), limit: 1 << 20)
        #expect(bytes.count <= twoFrames + 40)
        guard case .success(let opened) = ClipOpener.open(bytes, keys: ClipFixtures.twoKeys) else {
            Issue.record("the closed clip must open")
            return
        }
        #expect(opened.frames.count == 2 && opened.completeness == .complete)
        #expect(ClipFixtures.verifyFailure(bytes) == nil)
    }

    @Test func aFilesystemFullBeforeTheHeaderLeavesNoFile() throws {
        let directory = try TemporaryDirectory()
        let store = try store(directory, percent: 0, filesystem: filesystem(capacity: 1 << 30, fullAt: 100))
        #expect(throws: StoreError.self) { try store.begin(kind: .fall, startMilliseconds: 0) }
        #expect(directory.names.filter { $0.hasPrefix("clip-") } == [])
    }
}
