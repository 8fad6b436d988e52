import Foundation
import Testing
import VigilDevices
@testable import VigilEvidence

/// The storage governor: oldest clips go first when the quota is reached, held clips never,
/// expired ones after the retention; every deletion is in the signed log that verify reads.
@Suite struct GovernorTests {
    private func store(_ directory: TemporaryDirectory, quota: Int, retentionMilliseconds: Int64 = 0) throws -> ClipStore {
        try ClipStore(directory: directory.path, unitKeyPath: directory.path + "/unit.key", recipients: ClipFixtures.recipients, syncEvery: 4,
                      policy: StoragePolicy(quotaBytes: quota, quotaPercent: 0, retentionMilliseconds: retentionMilliseconds))
    }

    /// Records one clip of `frames` frames starting at `start`.
    private func record(_ store: ClipStore, frames: Int = 3, start: Int64) throws {
        try store.begin(kind: .motion, startMilliseconds: start)
        for index in 0..<frames { try ClipFixtures.record(index).encoded.withUnsafeBytes { try store.append(record: $0) } }
        try store.close()
    }

    private func clipNumbers(_ directory: TemporaryDirectory) -> [UInt64] { directory.names.compactMap { ClipNames.number(in: $0) } }

    private func findings(_ directory: TemporaryDirectory, store: ClipStore) throws -> [ChainCheck.Finding] {
        let clips = try directory.names.filter { ClipNames.number(in: $0) != nil }.map { try ClipInspection.inspect(directory.path + "/" + $0) }
        let deletions = try DeletionLog.entries(directory: directory.path, unitKey: store.unit.publicKey)
        return ChainCheck.check(clips, pinnedUnit: store.unit.publicKey, tip: store.tip, deletions: deletions)
    }

    @Test func theOldestClipsGoFirstAndTheNewestIsAlwaysRecorded() throws {
        let directory = try TemporaryDirectory()
        let probe = try TemporaryDirectory()
        try record(try store(probe, quota: 0), start: 0)
        let clipBytes = try FileSystem.size(probe.path + "/" + ClipNames.closed(1))
        let store = try store(directory, quota: clipBytes * 3 + clipBytes / 2)
        for index in 0..<8 { try record(store, start: Int64(index)) }
        #expect(clipNumbers(directory) == [6, 7, 8], "three clips fit; the newest are kept")
        #expect(store.evicted == [1, 2, 3, 4, 5])
        let found = try findings(directory, store: store)
        #expect(found.count == 1 && found[0].explained && found[0].message.hasPrefix("clips 1-5 deleted by the governor (quota)"), "\(found)")
    }

    @Test func heldClipsAreSkippedAndAClearErrorWhenTheyFillTheQuota() throws {
        let directory = try TemporaryDirectory()
        let probe = try TemporaryDirectory()
        try record(try store(probe, quota: 0), start: 0)
        let clipBytes = try FileSystem.size(probe.path + "/" + ClipNames.closed(1))
        let store = try store(directory, quota: clipBytes * 3 + clipBytes / 2)
        try record(store, start: 0)
        try HoldList.set(1, held: true, directory: directory.path)
        for index in 1..<6 { try record(store, start: Int64(index)) }
        #expect(clipNumbers(directory) == [1, 5, 6], "clip 1 is held; 2-4 went")
        try HoldList.set(5, held: true, directory: directory.path)
        try HoldList.set(6, held: true, directory: directory.path)
        do {
            try record(store, start: 9)
            Issue.record("recording past a quota full of held clips must fail")
        } catch let error as StoreError {
            guard case .quotaFilled(_, _, let heldClips) = error else { throw error }
            #expect(heldClips == 3 && error.message.contains("vigil release"))
        }
        try HoldList.set(1, held: false, directory: directory.path)
        try record(store, start: 10)
        #expect(!clipNumbers(directory).contains(1), "released, clip 1 goes first")
    }

    @Test func clipsPastTheRetentionAreDeletedUnlessHeld() throws {
        let directory = try TemporaryDirectory()
        let hour: Int64 = 3_600_000
        let store = try store(directory, quota: 0, retentionMilliseconds: 72 * hour)
        try record(store, start: 0)
        try record(store, start: 1 * hour)
        try HoldList.set(1, held: true, directory: directory.path)
        try record(store, start: 50 * hour)
        #expect(clipNumbers(directory) == [1, 2, 3])
        try record(store, start: 73 * hour + 1)
        #expect(clipNumbers(directory) == [1, 3, 4], "clip 2 is over 72 h old, clip 1 is held")
        #expect(try findings(directory, store: store).allSatisfy { $0.explained })
    }

    @Test func anEditedDeletionLogExplainsNothing() throws {
        let directory = try TemporaryDirectory()
        let store = try store(directory, quota: 0)
        for index in 0..<3 { try record(store, start: Int64(index)) }
        try FileManager.default.removeItem(atPath: directory.path + "/" + ClipNames.closed(2))
        try DeletionLog.append(directory: directory.path, clipNumber: 2, reason: "quota", milliseconds: 5, unit: ClipFixtures.otherUnit)
        let log = directory.path + "/" + DeletionLog.fileName
        try DeletionLog.append(directory: directory.path, clipNumber: 1, reason: "quota", milliseconds: 5, unit: store.unit)
        let edited = try String(contentsOfFile: log, encoding: .utf8).replacingOccurrences(of: "v1 1 quota", with: "v1 2 quota")
        try edited.write(toFile: log, atomically: true, encoding: .utf8)
        let found = try findings(directory, store: store)
        #expect(found.count == 1 && !found[0].explained && found[0].message.contains("not by the governor"), "\(found)")
    }
}
