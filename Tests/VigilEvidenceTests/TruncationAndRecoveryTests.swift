import Foundation
import Testing
import VigilDevices
@testable import VigilEvidence

/// A clip cut anywhere: refused as a closed clip, and as a torn `.partial` it opens up to its
/// last complete chunk; recovery closes it so that `verify` checks every kept byte.
@Suite struct TruncationAndRecoveryTests {
    @Test func aClosedClipCutAnywhereIsRefused() throws {
        let bytes = try ClipFixtures.clip(frames: 3)
        for length in 0..<bytes.count {
            let cut = Array(bytes[0..<length])
            #expect(ClipFixtures.openFailure(cut) != nil, "cut at \(length) of \(bytes.count)")
            #expect(ClipFixtures.verifyFailure(cut) != nil, "cut at \(length) of \(bytes.count)")
        }
    }

    @Test func aTornPartialOpensUpToItsLastCompleteChunk() throws {
        let bytes = try ClipFixtures.clip(frames: 3)
        let clip = try ClipFixtures.parsed(bytes)
        let frameEnds = clip.chunks.prefix(3).map { $0.upperBound }
        for length in clip.header.encodedLength..<clip.completeLength {
            let complete = frameEnds.filter { $0 <= length }.count
            switch ClipOpener.open(Array(bytes[0..<length]), keys: ClipFixtures.twoKeys, isPartial: true) {
            case .success(let opened):
                #expect(opened.frames.count == complete && opened.completeness == .truncated, "cut at \(length)")
            case .failure(let error):
                #expect(complete == 0 && error == .noFrames, "cut at \(length): \(error.message)")
            }
        }
    }

    /// Writes a clip of `frames` frames to `directory` through the file writer, left open.
    private func openClip(in directory: String, frames: Int) throws -> ClipFileWriter {
        let sealer = try ClipSealer(unit: ClipFixtures.unit, recipients: ClipFixtures.recipients, clipNumber: 1, eventKind: .motion,
                                    startMilliseconds: 0, previousHeaderHash: ChainTip.empty.headerHash)
        let writer = try ClipFileWriter(sealer: sealer, directory: directory, syncEvery: 2)
        for index in 0..<frames { try ClipFixtures.record(index).encoded.withUnsafeBytes { try writer.append(record: $0) } }
        return writer
    }

    @Test func recoveryKeepsEveryCompleteChunkWhereverTheFileWasTorn() throws {
        let source = try TemporaryDirectory()
        let writer = try openClip(in: source.path, frames: 4)
        let torn = try FileSystem.readFile(writer.partialPath, limit: 1 << 20)
        let clip = try ClipFixtures.parsed(torn)
        var checked = 0
        for length in stride(from: 0, through: torn.count, by: 7) {
            let directory = try TemporaryDirectory()
            let partial = directory.path + "/" + ClipNames.partial(1)
            try Data(torn[0..<length]).write(to: URL(fileURLWithPath: partial))
            let outcomes = try TornClipRecovery.recoverAll(directory: directory.path, unit: ClipFixtures.unit)
            #expect(outcomes.count == 1)
            let complete = clip.chunks.filter { $0.upperBound <= length }.count
            if length < clip.header.encodedLength {
                #expect(directory.names == [], "cut inside the header at \(length): removed, nothing left")
                continue
            }
            #expect(directory.names == [ClipNames.closed(1)], "cut at \(length): closed under its final name")
            let recovered = try FileSystem.readFile(directory.path + "/" + ClipNames.closed(1), limit: 1 << 20)
            #expect(ClipFixtures.verifyFailure(recovered) == nil, "cut at \(length): every kept byte verifies")
            switch ClipOpener.open(recovered, keys: ClipFixtures.twoKeys) {
            case .success(let opened): #expect(opened.frames.count == complete && opened.completeness == .truncated)
            case .failure(let error): #expect(complete == 0 && error == .noFrames, "\(error.message)")
            }
            checked += 1
        }
        #expect(checked > 20)
        print("tore a 4-frame partial at \(checked) points past its header: each recovered and opened up to its last complete chunk")
    }

    @Test func aPartialBeingWrittenIsLeftAlone() throws {
        let directory = try TemporaryDirectory()
        let writer = try openClip(in: directory.path, frames: 2)
        let outcomes = try TornClipRecovery.recoverAll(directory: directory.path, unit: ClipFixtures.unit)
        guard case .inUse = try #require(outcomes.first) else { Issue.record("a locked partial must be left alone"); return }
        try writer.close()
        #expect(directory.names == [ClipNames.closed(1)])
        let closed = try FileSystem.readFile(writer.closedPath, limit: 1 << 20)
        #expect(try ClipOpener.open(closed, keys: ClipFixtures.twoKeys).get().frames.count == 2)
    }
}
