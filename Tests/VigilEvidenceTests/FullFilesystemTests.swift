import Foundation
import Testing
import VigilDevices
@testable import VigilEvidence

/// The store on a filesystem of a given size, without mounting one: the share quota evicts by
/// percent of it, a filesystem that fills up makes room by deleting the oldest clips, and one
/// that fills up with nothing left to delete leaves the clip being written closed and whole.
@Suite struct FullFilesystemTests {
    /// A filesystem of `capacity` bytes whose room runs out once a file would pass `fullAt` bytes.
    private func filesystem(capacity: Int, fullAt: Int = .max) -> StoreFilesystem {
        StoreFilesystem(capacity: { (_: String) throws(DeviceError) -> Int in capacity },
                        reserve: { _, offset, length in offset + length > fullAt ? .noSpace : nil })
    }

    /// A filesystem with room for `room` bytes of clips: a claim fails once the clip files in
    /// `directory` and the bytes claimed would pass it (the store's small files are not counted).
    private func filesystem(holdingClipsOf room: Int, in directory: TemporaryDirectory) -> StoreFilesystem {
        StoreFilesystem(capacity: { (_: String) throws(DeviceError) -> Int in 1 << 30 },
                        reserve: { _, _, length in
                            let clips = directory.names.filter { ClipNames.number(in: $0) != nil }
                            let used = clips.reduce(0) { $0 + ((try? FileSystem.size(directory.path + "/" + $1)) ?? 0) }
                            return used + length > room ? .noSpace : nil
                        })
    }

    private func clipNumbers(_ directory: TemporaryDirectory) -> [UInt64] { directory.names.compactMap { ClipNames.number(in: $0) } }

    private func findings(_ directory: TemporaryDirectory, store: ClipStore) throws -> [ChainCheck.Finding] {
        let clips = try directory.names.filter { ClipNames.number(in: $0) != nil }.map { try ClipInspection.inspect(directory.path + "/" + $0) }
        let deletions = try DeletionLog.entries(directory: directory.path, unitKey: store.unit.publicKey)
        return ChainCheck.check(clips, pinnedUnit: store.unit.publicKey, tip: store.tip, deletions: deletions)
    }

    /// Clip `number` in `directory` opens with two keys, closed and with `frames` frames, and verifies.
    private func expectComplete(_ directory: TemporaryDirectory, clip number: UInt64, frames: Int) throws {
        let bytes = try FileSystem.readFile(directory.path + "/" + ClipNames.closed(number), limit: 1 << 20)
        guard case .success(let opened) = ClipOpener.open(bytes, keys: ClipFixtures.twoKeys) else {
            Issue.record("clip \(number) must open")
            return
        }
        #expect(opened.frames.count == frames && opened.completeness == .complete, "clip \(number)")
        #expect(ClipFixtures.verifyFailure(bytes) == nil, "clip \(number)")
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

    @Test func aFullFilesystemMakesRoomByDeletingTheOldestClips() throws {
        let clip = try clipBytes(frames: 3)
        let directory = try TemporaryDirectory()
        // Room for three clips and a half, and no quota: only the full filesystem deletes.
        let store = try store(directory, percent: 0, filesystem: filesystem(holdingClipsOf: clip * 7 / 2, in: directory))
        for index in 0..<5 { try record(store, frames: 3, start: Int64(index)) }
        #expect(clipNumbers(directory) == [3, 4, 5])
        #expect(store.evicted == [1, 2])
        // A clip of twice the frames needs two older clips' room, freed while it is written.
        try record(store, frames: 6, start: 5)
        #expect(clipNumbers(directory) == [5, 6])
        #expect(store.evicted == [1, 2, 3, 4])
        try expectComplete(directory, clip: 6, frames: 6)
        try expectComplete(directory, clip: 5, frames: 3)
        #expect(directory.names.filter { $0.hasSuffix(ClipNames.partialSuffix) } == [])
        let found = try findings(directory, store: store)
        #expect(found.count == 1 && found[0].explained && found[0].message.hasPrefix("clips 1-4 deleted by the governor (full)"), "\(found)")
    }

    @Test func aFullFilesystemOfHeldClipsClosesTheClipAndSaysWhatToDo() throws {
        let clip = try clipBytes(frames: 3)
        let directory = try TemporaryDirectory()
        let store = try store(directory, percent: 0, filesystem: filesystem(holdingClipsOf: clip * 7 / 2, in: directory))
        for index in 0..<3 { try record(store, frames: 3, start: Int64(index)) }
        try HoldList.set(2, held: true, directory: directory.path)
        try HoldList.set(3, held: true, directory: directory.path)
        do {
            try record(store, frames: 10, start: 3)
            Issue.record("writing past a filesystem full of held clips must fail")
        } catch let error as StoreError {
            guard case .filesystemFull(_, let closedClip) = error else { throw error }
            #expect(closedClip == directory.path + "/" + ClipNames.closed(4))
            #expect(error.message.contains("No space left on device") && error.message.contains("every other clip is held")
                    && error.message.contains("'vigil release'"), "\(error.message)")
        }
        #expect(store.evicted == [1], "clip 1 was not held: it went first")
        #expect(clipNumbers(directory) == [2, 3, 4])
        #expect(directory.names.filter { $0.hasSuffix(ClipNames.partialSuffix) } == [])
        let bytes = try FileSystem.readFile(directory.path + "/" + ClipNames.closed(4), limit: 1 << 20)
        guard case .success(let opened) = ClipOpener.open(bytes, keys: ClipFixtures.twoKeys) else {
            Issue.record("the closed clip must open")
            return
        }
        #expect(opened.frames.count > 3 && opened.frames.count < 10 && opened.completeness == .complete, "\(opened.frames.count) frames")
        #expect(ClipFixtures.verifyFailure(bytes) == nil)
        let found = try findings(directory, store: store)
        #expect(found.count == 1 && found[0].explained && found[0].message.hasPrefix("clips 1-1 deleted by the governor (full)"), "\(found)")
    }

    @Test func aFullFilesystemClosesTheClipWithEveryFrameWrittenBefore() throws {
        let twoFrames = try clipBytes(frames: 2)
        let directory = try TemporaryDirectory()
        // Room for the header and two frames (and the closing bytes), not for a third; no other
        // clip to delete, and the clip being written never is.
        let store = try store(directory, percent: 0, filesystem: filesystem(capacity: 1 << 30, fullAt: twoFrames + 40))
        do {
            try record(store, frames: 5, start: 0)
            Issue.record("writing past a full filesystem must fail")
        } catch let error as StoreError {
            guard case .filesystemFull(_, let closedClip) = error else { throw error }
            #expect(closedClip == directory.path + "/" + ClipNames.closed(1))
            #expect(error.message.contains("No space left on device") && error.message.contains("free space"), "\(error.message)")
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
