import VigilAnalysis
import VigilCore

private func mask(_ width: Int, _ height: Int, _ boxes: [(x: Int, y: Int, w: Int, h: Int)]) -> Plane {
    let plane = Plane(width: width, height: height)
    let painter = SyntheticScene(width: width, height: height)
    for box in boxes { painter.drawBox(x: box.x, y: box.y, width: box.w, height: box.h, level: 255, into: plane) }
    return plane
}

let blobChecks: [SelfCheck] = [
    SelfCheck("blobs.moments-of-a-standing-box") { r in
        let blobs = BlobExtractor(width: 64, height: 48).extract(mask(64, 48, [(5, 7, 10, 20)]))
        guard blobs.count == 1, let blob = blobs.first else { return r.fail("one blob expected, got \(blobs.count)") }
        r.expect(blob.area == 200 && blob.minX == 5 && blob.minY == 7 && blob.width == 10 && blob.height == 20, "area and box")
        r.expect(blob.centroidX16 == 152 && blob.centroidY16 == 264, "centroid (9.5, 16.5) in 1/16 px")
        r.expect(blob.orientationDegrees == 90, "standing: vertical major axis (\(blob.orientationDegrees))")
        r.expect(abs(blob.elongationPercent - 200) <= 3, "twice as tall as wide (\(blob.elongationPercent) %)")
    },
    SelfCheck("blobs.lying-and-diagonal-shapes") { r in
        let extractor = BlobExtractor(width: 64, height: 48)
        let lying = extractor.extract(mask(64, 48, [(5, 30, 30, 6)])).first
        r.expect(lying?.orientationDegrees == 0, "lying: horizontal major axis (\(lying?.orientationDegrees ?? -1))")
        r.expect((lying?.elongationPercent ?? 0) >= 480, "five times as long as high (\(lying?.elongationPercent ?? 0) %)")
        let diagonal = Plane(width: 64, height: 48)
        for i in 0..<40 { diagonal[10 + i, 4 + i] = 255 }
        let line = extractor.extract(diagonal)
        r.expect(line.count == 1, "pixels touching at corners are one blob (8-connected)")
        r.expect(line.first?.orientationDegrees == 45, "top-left to bottom-right is 45 degrees (\(line.first?.orientationDegrees ?? -1))")
    },
    SelfCheck("blobs.separate-joined-and-filtered") { r in
        let extractor = BlobExtractor(width: 64, height: 48)
        let two = extractor.extract(mask(64, 48, [(2, 2, 5, 5), (20, 2, 10, 10)]))
        r.expect(two.map { $0.area } == [100, 25], "two blobs, largest first")
        // A U: two bars that meet only at the bottom row are found as one region.
        let u = extractor.extract(mask(64, 48, [(10, 5, 3, 20), (30, 5, 3, 20), (10, 24, 23, 3)]))
        r.expect(u.count == 1 && u.first?.area == 3 * 20 * 2 + 23 * 3 - 2 * 3, "U shape merged (bars overlap the base by one row) (\(u.map { $0.area }))")
        r.expect(extractor.extract(mask(64, 48, [(2, 2, 5, 5), (20, 2, 10, 10)]), minimumArea: 50).count == 1, "minimum area")
        r.expect(extractor.extract(Plane(width: 64, height: 48)).isEmpty, "empty mask, no blob")
        let tight = BlobExtractor(width: 64, height: 48, labelCapacity: 2)
        let kept = tight.extract(mask(64, 48, [(2, 2, 3, 3), (10, 2, 3, 3), (20, 2, 3, 3)]))
        r.expect(kept.count == 2 && tight.overflowed == 3, "beyond capacity fragments are counted, not stored (\(tight.overflowed))")
    },
    SelfCheck("blobs.frame-sized-blob-fits-in-integers") { r in
        let blob = BlobExtractor(width: 1280, height: 720).extract(mask(1280, 720, [(0, 0, 1280, 720)])).first
        r.expect(blob?.area == 1280 * 720, "whole frame")
        r.expect(blob?.orientationDegrees == 0, "wide frame lies horizontal (\(blob?.orientationDegrees ?? -1))")
        r.expect(abs((blob?.elongationPercent ?? 0) - 177) <= 2, "16:9 is 177 % (\(blob?.elongationPercent ?? 0))")
        r.expect(integerAtan2Degrees(y: Int.max / 2, x: Int.max / 2) == 45, "huge inputs do not overflow")
    },
    SelfCheck("blobs.integer-math") { r in
        r.expect(integerSquareRoot(0) == 0 && integerSquareRoot(15) == 3 && integerSquareRoot(16) == 4, "small roots")
        r.expect(integerSquareRoot(1 << 62) == 1 << 31, "large root")
        let cases: [(Int, Int, Int)] = [(0, 1, 0), (1, 1, 45), (1, 0, 90), (0, -1, 180), (-1, -1, -135), (577, 1000, 30), (-1000, 577, -60)]
        for (y, x, degrees) in cases {
            r.expect(integerAtan2Degrees(y: y, x: x) == degrees, "atan2(\(y), \(x)) = \(integerAtan2Degrees(y: y, x: x)), expected \(degrees)")
        }
    },
]
