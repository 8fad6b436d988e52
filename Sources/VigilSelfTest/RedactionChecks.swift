import VigilCore
import VigilPrivacy

/// A 4:2:0 frame whose every pixel differs from its neighbours, so that a painted block shows.
private func patternedFrame(width: Int = 160, height: Int = 120) -> RawFrame {
    let raw = RawFrame(width: width, height: height, format: .yuv420)
    raw.capture { frame in
        for y in 0..<height { for x in 0..<width { frame.luma[x, y] = UInt8(truncatingIfNeeded: x * 7 + y * 13) } }
        if let chroma = frame.chroma {
            for y in 0..<chroma.cb.height {
                for x in 0..<chroma.cb.width {
                    chroma.cb[x, y] = UInt8(truncatingIfNeeded: x * 5 + y * 3)
                    chroma.cr[x, y] = UInt8(truncatingIfNeeded: 200 - x * 3 - y * 11)
                }
            }
        }
    }
    return raw
}

/// Whether every `block` x `block` cell of `plane` that lies inside `box` holds one value.
private func isMosaic(_ plane: Plane, _ box: Box, block: Int) -> Bool {
    for y in box.minY...box.maxY {
        for x in box.minX...box.maxX where plane[x, y] != plane[x / block * block, y / block * block] { return false }
    }
    return true
}

let redactionChecks: [SelfCheck] = [
    SelfCheck("redaction.policy-from-configuration") { r in
        r.expect(RedactionPolicy().description == "faces,heads,masks", "privacy first by default: " + RedactionPolicy().description)
        do throws(RedactionPolicyError) {
            r.expect(try RedactionPolicy(parsing: "persons,masks").description == "persons,masks", "persons,masks")
            r.expect(try RedactionPolicy(parsing: "none").description == "none", "none")
            _ = try RedactionPolicy(parsing: "faces,hands")
            r.fail("accepted 'hands'")
        } catch {
            r.expect(error.message == "unknown redaction 'hands' in 'faces,hands': write a comma-separated list of faces, heads, persons, masks (or none)", error.message)
        }
    },
    SelfCheck("redaction.a-face-becomes-blocks-of-its-means") { r in
        let redactor = Redactor(width: 160, height: 120)
        let original = patternedFrame()
        var before: [UInt8] = []
        original.capture { frame in for y in 0..<120 { before += frame.luma.row(y) } }
        let redacted = redactor.redact(original, faces: [FaceBox(x: 40, y: 24, width: 32, height: 32)], people: [])
        r.expect(redactor.regions == [RedactedRegion(kind: .face, box: Box(minX: 32, minY: 16, maxX: 79, maxY: 63))], "the face with a quarter margin")
        redacted.read { luma, chroma in
            r.expect(isMosaic(luma, Box(minX: 32, minY: 16, maxX: 79, maxY: 63), block: 16), "luma in blocks of half the face")
            r.expect(isMosaic(chroma!.cb, Box(minX: 16, minY: 8, maxX: 39, maxY: 31), block: 8) && isMosaic(chroma!.cr, Box(minX: 16, minY: 8, maxX: 39, maxY: 31), block: 8),
                     "chroma in the same blocks, at half resolution")
            // The block at (32,16) is the rounded mean of the original pixels there.
            var sum = 0
            for y in 16..<32 { for x in 32..<48 { sum += Int(before[y * 160 + x]) } }
            r.expect(Int(luma[32, 16]) == (sum + 128) / 256, "a block is its mean (\(luma[32, 16]) vs \((sum + 128) / 256))")
            var untouched = true
            for y in 0..<120 { for x in 0..<160 where (x < 32 || x > 79 || y < 16 || y > 63) && luma[x, y] != before[y * 160 + x] { untouched = false } }
            r.expect(untouched, "nothing outside the region changed")
        }
    },
    SelfCheck("redaction.block-size-grows-with-the-face") { r in
        let redactor = Redactor(width: 320, height: 240)
        let redacted = redactor.redact(patternedFrame(width: 320, height: 240), faces: [FaceBox(x: 100, y: 60, width: 128, height: 128)], people: [])
        redacted.read { luma, _ in
            r.expect(isMosaic(luma, Box(minX: 68, minY: 28, maxX: 259, maxY: 219), block: 64), "a 128-pixel face in 64-pixel blocks, its margin too")
            // The 64-pixel block at (64,64) holds the rounded mean of exactly its own pixels.
            var sum = 0
            for y in 64..<128 { for x in 64..<128 { sum += Int(UInt8(truncatingIfNeeded: x * 7 + y * 13)) } }
            r.expect(Int(luma[64, 64]) == (sum + 2048) / 4096, "a block is the mean of its 64x64 pixels (\(luma[64, 64]) vs \((sum + 2048) / 4096))")
        }
    },
    SelfCheck("redaction.a-face-is-held-and-follows-its-person") { r in
        let redactor = Redactor(width: 320, height: 240, holdFrames: 5)
        var raw = patternedFrame(width: 320, height: 240)
        var person = TrackedPerson(id: 7, box: Box(minX: 100, minY: 40, maxX: 139, maxY: 159))
        var seen: [Box] = []
        for frame in 0..<8 {
            let faces = frame == 0 ? [FaceBox(x: 108, y: 44, width: 24, height: 24)] : []
            let redacted = redactor.redact(raw, faces: faces, people: [person])
            seen.append(redactor.regions.first { $0.kind == .face }?.box ?? Box(minX: 0, minY: 0, maxX: -1, maxY: -1))
            raw = redacted.recycle()
            person.box = person.box.offset(dx: 6, dy: 0)
        }
        r.expect(seen[0] == Box(minX: 102, minY: 38, maxX: 137, maxY: 73), "detected: " + seen[0].description)
        r.expect(seen[3] == seen[0].union(seen[0].offset(dx: 18, dy: 0)), "three frames on, moved with the person, and still where it was seen: "
                 + seen[3].description)
        r.expect(seen[5].width > 0 && seen[6].width <= 0, "held 5 frames after the last detection, then gone")
    },
    SelfCheck("redaction.overlapping-faces-of-one-frame-are-all-covered") { r in
        let redactor = Redactor(width: 320, height: 240)
        let faces = [FaceBox(x: 100, y: 60, width: 30, height: 30), FaceBox(x: 120, y: 70, width: 60, height: 60)]
        _ = redactor.redact(patternedFrame(width: 320, height: 240), faces: faces, people: [])
        r.expect(redactor.regions.filter { $0.kind == .face }.count == 2, "both overlapping detections covered: \(redactor.regions.map { $0.box.description })")
    },
    SelfCheck("redaction.heads-persons-and-masks") { r in
        let person = TrackedPerson(id: 1, box: Box(minX: 60, minY: 20, maxX: 91, maxY: 115))
        let heads = Redactor(width: 160, height: 120)
        _ = heads.redact(patternedFrame(), faces: [], people: [person])
        r.expect(heads.regions == [RedactedRegion(kind: .head, box: Box(minX: 52, minY: 12, maxX: 99, maxY: 68))], "the top of an upright person (1.5 widths), widened")
        var strict = RedactionPolicy()
        strict.persons = true
        let persons = Redactor(width: 160, height: 120, policy: strict)
        _ = persons.redact(patternedFrame(), faces: [], people: [person])
        r.expect(persons.regions == [RedactedRegion(kind: .person, box: Box(minX: 56, minY: 16, maxX: 95, maxY: 119))], "the whole person, clipped to the frame")
        let mask = Plane(width: 160, height: 120)
        for y in 70..<90 { mask.row(y)[10..<30].update(repeating: 255) }
        let masked = Redactor(width: 160, height: 120, masks: mask)
        let redacted = masked.redact(patternedFrame(), faces: [], people: [])
        r.expect(masked.regions == [RedactedRegion(kind: .mask, box: Box(minX: 0, minY: 64, maxX: 31, maxY: 95))], "the mask's blocks, with no one in view")
        redacted.read { luma, _ in r.expect(isMosaic(luma, Box(minX: 0, minY: 64, maxX: 31, maxY: 95), block: 16), "in 16-pixel blocks") }
    },
]
