import Foundation
import Testing
import VigilCore
import VigilAppliance
import VigilDevices
import VigilPrivacy
@testable import VigilEvidence

/// Keys, small real JPEG frames and sealed clips for the evidence tests.
enum ClipFixtures {
    static let unit = UnitSigningKey.generate()
    static let otherUnit = UnitSigningKey.generate()
    static let reviewers = [ReviewerSecretKey.generate(), ReviewerSecretKey.generate(), ReviewerSecretKey.generate()]
    static var recipients: [ReviewerPublicKey] { reviewers.map { $0.publicKey } }
    static var twoKeys: [ReviewerSecretKey] { [reviewers[0], reviewers[2]] }

    /// A 16x8 grey JPEG whose picture depends on `index` (made the only way the unit makes
    /// one: from a redacted frame).
    static func jpeg(_ index: Int) throws -> [UInt8] {
        let raw = RawFrame(width: 16, height: 8, format: .mono)
        raw.capture { frame in
            for y in 0..<8 { for x in 0..<16 { frame.luma[x, y] = UInt8(truncatingIfNeeded: x * 16 + index * 40) } }
        }
        let redacted = Redactor(width: 16, height: 8).redact(raw, faces: [], people: [])
        return try RedactedJPEGEncoder(quality: 50).encode(redacted) { Array($0) }
    }

    static func record(_ index: Int) throws -> FrameRecord {
        FrameRecord(captureMilliseconds: 5_000 + Int64(index) * 66, frameIndex: UInt32(index),
                    boxes: [RecordBox(x: index, y: 1, width: 4, height: 5)], jpeg: try jpeg(index))
    }

    /// A closed clip of `frames` frames, in memory.
    static func clip(frames: Int, number: UInt64 = 1, unit: UnitSigningKey = unit, previous: [UInt8] = ChainTip.empty.headerHash) throws -> [UInt8] {
        let sealer = try ClipSealer(unit: unit, recipients: recipients, clipNumber: number, eventKind: .fall,
                                    startMilliseconds: 5_000, previousHeaderHash: previous)
        var bytes = sealer.headerBytes
        for index in 0..<frames { bytes += try record(index).encoded.withUnsafeBytes { sealer.sealChunk($0) } }
        return bytes + sealer.finish()
    }

    static func parsed(_ bytes: [UInt8]) throws -> ParsedClip {
        switch ParsedClip.parse(bytes) {
        case .success(let clip): return clip
        case .failure(let error): throw error
        }
    }

    /// The failure of opening `bytes` with two keys, or nil if it opened.
    static func openFailure(_ bytes: [UInt8], keys: [ReviewerSecretKey] = twoKeys, isPartial: Bool = false) -> ClipError? {
        if case .failure(let error) = ClipOpener.open(bytes, keys: keys, isPartial: isPartial) { return error }
        return nil
    }

    /// The keyless verdict, as `vigil verify` gives it, or nil if the clip checks.
    static func verifyFailure(_ bytes: [UInt8]) -> ClipError? {
        switch ParsedClip.parse(bytes) {
        case .failure(let error): return error
        case .success(let clip): return clip.closedClipProblem
        }
    }
}

/// A temporary directory removed when the test is done with it.
final class TemporaryDirectory {
    let path: String

    init() throws {
        path = FileManager.default.temporaryDirectory.appendingPathComponent("vigil-evidence-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(atPath: path) }

    var names: [String] { ((try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []).sorted() }
}
