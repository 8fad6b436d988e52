import Foundation
import Testing
import VigilDevices
@testable import VigilEvidence

/// The chain across a directory: deletions show as gaps, replaced, renamed or foreign clips as breaks.
@Suite struct ChainTests {
    /// A directory with clips 1...count, each of one frame, written through the store.
    private func store(clips count: Int) throws -> TemporaryDirectory {
        let directory = try TemporaryDirectory()
        let store = try ClipStore(directory: directory.path, unitKeyPath: directory.path + "/unit.key", recipients: ClipFixtures.recipients, syncEvery: 1,
                                  policy: StoragePolicy(quotaPercent: 0, retentionMilliseconds: 0))
        for index in 0..<count {
            try store.begin(kind: .motion, startMilliseconds: Int64(index) * 1000)
            try ClipFixtures.record(index).encoded.withUnsafeBytes { try store.append(record: $0) }
            try store.close()
        }
        return directory
    }

    private func findings(_ directory: TemporaryDirectory) throws -> [ChainCheck.Finding] {
        let clips = try directory.names.filter { ClipNames.number(in: $0) != nil }.map { try ClipInspection.inspect(directory.path + "/" + $0) }
        let tip = ChainTip.parse(try FileSystem.readFile(directory.path + "/chain", limit: 4096))
        return ChainCheck.check(clips, pinnedUnit: nil, tip: tip)
    }

    @Test func anIntactChainHasNoFindings() throws {
        let directory = try store(clips: 4)
        #expect(directory.names == ["chain", ClipNames.closed(1), ClipNames.closed(2), ClipNames.closed(3), ClipNames.closed(4), "deletions", "unit.key", "unit.pub"])
        #expect(try findings(directory) == [])
    }

    @Test func deletedClipsAreGaps() throws {
        let directory = try store(clips: 4)
        try FileManager.default.removeItem(atPath: directory.path + "/" + ClipNames.closed(2))
        try FileManager.default.removeItem(atPath: directory.path + "/" + ClipNames.closed(4))
        let found = try findings(directory)
        #expect(found.count == 2 && found.allSatisfy { $0.isGap })
        #expect(found.map { $0.message.hasPrefix("clips 2-2 missing") || $0.message.hasPrefix("clips 4-4 missing") } == [true, true])
    }

    @Test func anOldClipUnderANewNameIsNamed() throws {
        let directory = try store(clips: 3)
        try FileManager.default.removeItem(atPath: directory.path + "/" + ClipNames.closed(3))
        try FileManager.default.copyItem(atPath: directory.path + "/" + ClipNames.closed(1), toPath: directory.path + "/" + ClipNames.closed(3))
        let replayed = try ClipInspection.inspect(directory.path + "/" + ClipNames.closed(3))
        guard case .chainBroken(let why) = try #require(replayed.problem) else { Issue.record("expected a chain break"); return }
        #expect(why.contains("named clip 3 but its header says clip 1"))
        #expect(try findings(directory).contains { !$0.isGap && $0.message.contains("both are clip 1") })
    }

    @Test func aClipFromAnotherChainOrUnitBreaksTheChain() throws {
        let first = try store(clips: 3)
        let second = try store(clips: 3)
        try FileManager.default.removeItem(atPath: first.path + "/" + ClipNames.closed(2))
        try FileManager.default.copyItem(atPath: second.path + "/" + ClipNames.closed(2), toPath: first.path + "/" + ClipNames.closed(2))
        let found = try findings(first)
        #expect(found.contains { $0.message.contains("written by another unit") })
        #expect(found.contains { $0.message.contains(ClipNames.closed(2) + ": does not link") || $0.message.contains(ClipNames.closed(3) + ": does not link") })
    }

    @Test func recordingIsRefusedWithoutTwoReviewers() throws {
        let directory = try TemporaryDirectory()
        for recipients in [[], [ClipFixtures.recipients[0]], [ClipFixtures.recipients[1], ClipFixtures.recipients[1]]] {
            #expect(throws: StoreError.self) {
                _ = try ClipStore(directory: directory.path + "/clips", unitKeyPath: directory.path + "/unit.key", recipients: recipients, syncEvery: 1,
                                  policy: StoragePolicy())
            }
        }
        #expect(directory.names == [], "nothing written, not even the unit key")
    }
}
