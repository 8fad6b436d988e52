import VigilCore
import VigilEvidence

/// A clip of `frames` small records sealed to `reviewers`, in memory.
private func sealedClip(frames: Int, reviewers: [ReviewerSecretKey], unit: UnitSigningKey) -> [UInt8]? {
    guard let sealer = try? ClipSealer(unit: unit, recipients: reviewers.map { $0.publicKey }, clipNumber: 1, eventKind: .fall,
                                       startMilliseconds: 1_000, previousHeaderHash: ChainTip.empty.headerHash) else { return nil }
    var bytes = sealer.headerBytes
    for index in 0..<frames {
        let record = record(index).encoded
        bytes += record.withUnsafeBytes { sealer.sealChunk($0) }
    }
    return bytes + sealer.finish()
}

private func record(_ index: Int) -> FrameRecord {
    FrameRecord(captureMilliseconds: 1_000 + Int64(index) * 40, frameIndex: UInt32(index),
                boxes: [RecordBox(x: index, y: 2, width: 30, height: 60)], jpeg: [0xFF, 0xD8, UInt8(index), 0xFF, 0xD9])
}

private func failure(_ result: Result<OpenedClip, ClipError>) -> ClipError? {
    if case .failure(let error) = result { return error }
    return nil
}

let evidenceChecks: [SelfCheck] = [
    SelfCheck("evidence.shamir-any-two-of-five-give-the-secret") { r in
        let secret: [UInt8] = (0..<32).map { UInt8($0 * 7 + 3) }
        var seed: UInt8 = 91
        let shares = Shamir.split(secret, count: 5) { count in (0..<count).map { _ in seed = seed &* 37 &+ 11; return seed } }
        r.expect(shares.map { $0.x } == [1, 2, 3, 4, 5], "shares at x = 1...5")
        r.expect(shares.allSatisfy { $0.y != secret }, "no share is the secret")
        for a in 0..<5 { for b in 0..<5 where a != b { r.expect(Shamir.combine(shares[a], shares[b]) == secret, "shares \(a + 1) and \(b + 1)") } }
        r.expect(Shamir.combine(shares[0], shares[0]) == nil, "one share twice is refused")
        let forged = Shamir.Share(x: 2, y: shares[1].y.map { $0 ^ 1 })
        r.expect(Shamir.combine(shares[0], forged) != secret, "a changed share gives another secret")
    },
    SelfCheck("evidence.shamir-one-share-fits-every-secret") { r in
        // Secrecy of one share: for share (x, y), each candidate secret s has exactly one slope
        // a with s + a·x = y, so every s is equally possible.
        for x: UInt8 in [1, 2, 255] {
            var slopesFor = [Int](repeating: 0, count: 256)
            for a in 0..<256 {
                let y = Shamir.split([0], count: Int(max(x, 2))) { _ in [UInt8(a)] }[Int(x) - 1].y[0]
                slopesFor[Int(y)] += 1
            }
            r.expect(slopesFor.allSatisfy { $0 == 1 }, "x = \(x): the 256 slopes give 256 distinct share values")
        }
    },
    SelfCheck("evidence.header-round-trip-and-signature") { r in
        let unit = UnitSigningKey.generate()
        let reviewers = [ReviewerSecretKey.generate(), ReviewerSecretKey.generate()]
        guard let sealer = try? ClipSealer(unit: unit, recipients: reviewers.map { $0.publicKey }, clipNumber: 7, eventKind: .motion,
                                           startMilliseconds: 1_764_000_000_000, previousHeaderHash: [UInt8](repeating: 9, count: 32)) else { return r.fail("sealer") }
        r.expect(sealer.headerBytes.count == ClipHeader.encodedLength(recipients: 2), "header length \(sealer.headerBytes.count)")
        guard case .success(let decoded) = ClipHeader.decode(sealer.headerBytes) else { return r.fail("decode") }
        r.expect(decoded == sealer.header && decoded.signatureIsValid, "decodes to the same, signed header")
        var changed = sealer.headerBytes
        changed[44] ^= 1
        if case .success(let tampered) = ClipHeader.decode(changed) { r.expect(!tampered.signatureIsValid, "a changed clip number breaks the signature") }
        do throws(ClipError) {
            _ = try ClipSealer(unit: unit, recipients: [reviewers[0].publicKey, reviewers[0].publicKey], clipNumber: 1, eventKind: .fall,
                               startMilliseconds: 0, previousHeaderHash: ChainTip.empty.headerHash)
            r.fail("one reviewer twice must not record")
        } catch {
            r.expect(error == .tooFewRecipients(1), "one reviewer twice: recording refused (\(error.message))")
        }
    },
    SelfCheck("evidence.clip-opens-with-two-keys-only") { r in
        let unit = UnitSigningKey.generate()
        let reviewers = [ReviewerSecretKey.generate(), ReviewerSecretKey.generate(), ReviewerSecretKey.generate()]
        guard let bytes = sealedClip(frames: 3, reviewers: reviewers, unit: unit) else { return r.fail("sealing") }
        guard case .success(let clip) = ClipOpener.open(bytes, keys: [reviewers[2], reviewers[0]]) else { return r.fail("opens with reviewers 3 and 1") }
        r.expect(clip.frames == [record(0), record(1), record(2)] && clip.completeness == .complete, "every frame back, complete")
        r.expect(failure(ClipOpener.open(bytes, keys: [reviewers[1]])) == .notEnoughKeys(given: 1), "one key is refused")
        r.expect(failure(ClipOpener.open(bytes, keys: [reviewers[1], ReviewerSecretKey.generate()])) != nil, "a stranger's key is refused")
        var flipped = bytes
        flipped[ClipHeader.encodedLength(recipients: 3) + 10] ^= 0x40
        r.expect(failure(ClipOpener.open(flipped, keys: [reviewers[0], reviewers[1]])) == .chunkFailsAuthentication(chunk: 1), "a flipped bit in chunk 1 is named")
    },
    SelfCheck("evidence.frame-record-and-formats") { r in
        let original = record(5)
        r.expect(FrameRecord.decode(original.encoded) == original, "frame record round trip")
        r.expect(FrameRecord.decode(Array(original.encoded.prefix(13))) == nil, "a cut record is refused")
        r.expect(Hex.decode(Substring(Hex.encode([0, 1, 0xAB, 0xFF]))) == [0, 1, 0xAB, 0xFF] && Hex.decode("abc") == nil, "hex")
        r.expect(utcTimestamp(milliseconds: 0) == "1970-01-01T00:00:00.000Z", "epoch")
        r.expect(utcTimestamp(milliseconds: 951_782_400_123) == "2000-02-29T00:00:00.123Z", "a leap day")
        let jpeg: [UInt8] = [0xFF, 0xD8, 0xFF, 0xE0, 0, 4, 0, 0, 0xFF, 0xC0, 0, 11, 8, 0, 48, 0, 64, 1, 1, 0x11, 0]
        r.expect(jpegDimensions(jpeg).map { [$0.width, $0.height] } == [64, 48], "SOF0 dimensions after an APP0")
        guard let avi = MotionJPEGAVI.make(frames: [jpeg, jpeg + [0]], microsecondsPerFrame: 40_000) else { return r.fail("avi") }
        r.expect(Array(avi[0..<4]) == Array("RIFF".utf8) && Array(avi[8..<12]) == Array("AVI ".utf8), "RIFF AVI")
        var sizeField = ByteReader(avi, at: 4)
        r.expect(sizeField.read(UInt32.self) == UInt32(avi.count - 8), "RIFF size covers the file")
        var frameCount = ByteReader(avi, at: 48)
        r.expect(frameCount.read(UInt32.self) == 2, "avih counts both frames")
    },
]
