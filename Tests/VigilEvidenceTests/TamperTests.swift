import Testing
@testable import VigilEvidence

/// Every change to a closed clip is refused, with keys (`vigil open`) and without (`vigil verify`),
/// and the refusal names what failed.
@Suite struct TamperTests {
    @Test func aGoodClipOpensAndVerifies() throws {
        let bytes = try ClipFixtures.clip(frames: 3)
        #expect(ClipFixtures.verifyFailure(bytes) == nil)
        let opened = try ClipOpener.open(bytes, keys: ClipFixtures.twoKeys).get()
        #expect(opened.frames == [try ClipFixtures.record(0), try ClipFixtures.record(1), try ClipFixtures.record(2)])
        #expect(opened.completeness == .complete)
    }

    @Test func flippingAnyByteIsRefusedWithAndWithoutKeys() throws {
        let bytes = try ClipFixtures.clip(frames: 2)
        var refusedOpen = 0, refusedVerify = 0
        var kinds: Set<String> = []
        for index in bytes.indices {
            var changed = bytes
            changed[index] ^= 0xFF
            if let error = ClipFixtures.openFailure(changed) {
                refusedOpen += 1
                kinds.insert(String(error.message.prefix(12)))
            }
            if ClipFixtures.verifyFailure(changed) != nil { refusedVerify += 1 }
        }
        #expect(refusedOpen == bytes.count, "every one of \(bytes.count) flipped bytes refused by open")
        #expect(refusedVerify == bytes.count, "every one of \(bytes.count) flipped bytes refused by verify")
        #expect(kinds.count >= 4, "the refusals name different parts: \(kinds.sorted())")
        print("flipped each of the \(bytes.count) bytes of a 2-frame clip: \(refusedOpen) refused by open, \(refusedVerify) by verify")
    }

    @Test func aFlipInAChunkNamesThatChunk() throws {
        let bytes = try ClipFixtures.clip(frames: 3)
        let clip = try ClipFixtures.parsed(bytes)
        for (index, range) in clip.chunks.enumerated() {
            var changed = bytes
            changed[range.lowerBound + 3] ^= 0x01
            #expect(ClipFixtures.openFailure(changed) == .chunkFailsAuthentication(chunk: index + 1))
            #expect(ClipFixtures.verifyFailure(changed) == .contentsDifferFromSigned)
        }
    }

    @Test func headerAndTrailerChangesNameThem() throws {
        let bytes = try ClipFixtures.clip(frames: 2)
        let clip = try ClipFixtures.parsed(bytes)
        var header = bytes
        header[60] ^= 1  // start time
        #expect(ClipFixtures.openFailure(header) == .headerSignatureInvalid)
        var trailer = bytes
        trailer[clip.completeLength + 10] ^= 1  // chunk count
        #expect(ClipFixtures.openFailure(trailer) == .trailerSignatureInvalid)
        #expect(ClipFixtures.openFailure(bytes + [0]) == .bytesAfterTrailer)
        #expect(ClipFixtures.verifyFailure(bytes + [0]) == .bytesAfterTrailer)
    }

    /// Header, chunks in `order` (indices into the parsed chunks, with their length fields), trailer.
    private func reassembled(_ bytes: [UInt8], order: [Int], chunksFrom other: [UInt8]? = nil) throws -> [UInt8] {
        let clip = try ClipFixtures.parsed(bytes)
        let source = try other.map { try ClipFixtures.parsed($0) } ?? clip
        let sourceBytes = other ?? bytes
        var out = Array(bytes[0..<clip.header.encodedLength])
        for index in order { out += sourceBytes[(source.chunks[index].lowerBound - 4)..<source.chunks[index].upperBound] }
        return out + bytes[clip.completeLength...]
    }

    @Test func reorderedDuplicatedOrDroppedChunksAreRefused() throws {
        let bytes = try ClipFixtures.clip(frames: 3)  // chunks 0, 1, 2 and the end chunk 3
        #expect(ClipFixtures.openFailure(try reassembled(bytes, order: [1, 0, 2, 3])) == .chunkFailsAuthentication(chunk: 1))
        #expect(ClipFixtures.openFailure(try reassembled(bytes, order: [0, 0, 1, 2, 3])) == .chunkFailsAuthentication(chunk: 2))
        #expect(ClipFixtures.openFailure(try reassembled(bytes, order: [0, 2, 3])) == .chunkFailsAuthentication(chunk: 2))
        #expect(ClipFixtures.openFailure(try reassembled(bytes, order: [0, 1, 2, 3, 3])) == .chunkAfterFinal(chunk: 5))
        for order in [[1, 0, 2, 3], [0, 0, 1, 2, 3], [0, 2, 3]] {
            #expect(ClipFixtures.verifyFailure(try reassembled(bytes, order: order)) == .contentsDifferFromSigned)
        }
    }

    @Test func chunksOrHeadersSwappedBetweenClipsAreRefused() throws {
        let first = try ClipFixtures.clip(frames: 3)
        let second = try ClipFixtures.clip(frames: 3)
        #expect(ClipFixtures.openFailure(try reassembled(first, order: [0, 1, 2, 3], chunksFrom: second)) == .chunkFailsAuthentication(chunk: 1))
        let secondHeader = try ClipFixtures.parsed(second).header.encodedLength
        let firstHeader = try ClipFixtures.parsed(first).header.encodedLength
        let swappedHeader = Array(second[0..<secondHeader]) + first[firstHeader...]
        #expect(ClipFixtures.openFailure(swappedHeader) == .chunkFailsAuthentication(chunk: 1))
        #expect(ClipFixtures.verifyFailure(swappedHeader) == .trailerSignatureInvalid || ClipFixtures.verifyFailure(swappedHeader) == .contentsDifferFromSigned)
        let otherUnit = try ClipFixtures.clip(frames: 3, unit: ClipFixtures.otherUnit)
        let mixed = Array(otherUnit[0..<secondHeader]) + first[firstHeader...]
        #expect(ClipFixtures.verifyFailure(mixed) == .trailerSignatureInvalid, "another unit's header: the trailer's signature no longer matches")
    }

    @Test func keysAreCheckedBeforeAnythingIsDecrypted() throws {
        let bytes = try ClipFixtures.clip(frames: 1)
        let reviewers = ClipFixtures.reviewers
        #expect(ClipFixtures.openFailure(bytes, keys: [reviewers[1]]) == .notEnoughKeys(given: 1))
        #expect(ClipFixtures.openFailure(bytes, keys: []) == .notEnoughKeys(given: 0))
        #expect(ClipFixtures.openFailure(bytes, keys: [reviewers[1], reviewers[1]]) == .sameReviewerTwice(reviewers[1].publicKey.fingerprint))
        let stranger = ReviewerSecretKey.generate()
        #expect(ClipFixtures.openFailure(bytes, keys: [reviewers[0], stranger]) == .notARecipient(stranger.publicKey.fingerprint))
        for pair in [[0, 1], [1, 0], [0, 2], [2, 1]] {
            #expect(ClipFixtures.openFailure(bytes, keys: pair.map { reviewers[$0] }) == nil, "reviewers \(pair) open it")
        }
    }

    @Test func oneShareAloneDoesNotGiveTheKey() throws {
        let bytes = try ClipFixtures.clip(frames: 1)
        let header = try ClipFixtures.parsed(bytes).header
        let reviewer = ClipFixtures.reviewers[0]
        let share = try #require(Sodium.openSealed(header.recipients[0].sealedShare, publicKey: reviewer.publicKey.bytes, secretKey: reviewer.secret))
        let key = try ClipOpener.clipKey(header, keys: ClipFixtures.twoKeys).get()
        #expect(share != key, "a share is not the clip key")
        let opener = SecretStreamOpener(key: share, header: header.streamHeader)
        let clip = try ClipFixtures.parsed(bytes)
        #expect(opener.open(bytes[clip.chunks[0]], additionalData: clip.headerHash) == nil, "a share does not decrypt")
    }
}
