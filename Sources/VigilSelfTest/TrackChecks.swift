import VigilAnalysis
import VigilCore

/// Feeds the tracker one frame whose foreground is exactly `boxes`.
private struct TrackRig {
    let mask = Plane(width: 200, height: 150)
    let extractor = BlobExtractor(width: 200, height: 150)
    let tracker = Tracker()

    func frame(_ boxes: [(x: Int, y: Int, w: Int, h: Int)]) {
        mask.fill(0)
        let painter = SyntheticScene(width: 200, height: 150)
        for box in boxes { painter.drawBox(x: box.x, y: box.y, width: box.w, height: box.h, level: 255, into: mask) }
        tracker.update(extractor.extract(mask))
    }

    var ids: [Int] { tracker.tracks.map { $0.id } }
}

let trackChecks: [SelfCheck] = [
    SelfCheck("tracks.walker-keeps-its-id-through-an-occlusion") { r in
        let rig = TrackRig()
        for step in 0..<20 { rig.frame([(10 + 3 * step, 40, 16, 40)]) }
        r.expect(rig.ids == [1], "one track")
        r.expect(abs((rig.tracker.tracks.first?.velocityX16 ?? 0) - 48) <= 4, "3 px/frame to the right (\(rig.tracker.tracks.first?.velocityX16 ?? 0)/16)")
        for _ in 20..<28 { rig.frame([]) }  // behind a pillar
        r.expect(rig.ids == [1] && rig.tracker.tracks.first?.missed == 8, "held while hidden")
        rig.frame([(10 + 3 * 28, 40, 16, 40)])
        r.expect(rig.ids == [1] && rig.tracker.tracks.first?.missed == 0, "same id when it comes back where expected")
    },
    SelfCheck("tracks.still-person-kept-lost-person-dropped") { r in
        let rig = TrackRig()
        for _ in 0..<100 { rig.frame([(50, 40, 16, 40)]) }
        r.expect(rig.ids == [1] && (rig.tracker.tracks.first?.stillFrames ?? 0) >= 98, "a person standing still keeps the track")
        for _ in 0..<51 { rig.frame([]) }
        r.expect(rig.ids.isEmpty, "dropped after 50 missed frames")
        rig.frame([(50, 40, 16, 40)])
        r.expect(rig.ids == [2], "someone new gets a new id")
        rig.frame([(150, 10, 4, 4)])
        r.expect(rig.ids == [2], "a speck starts no track")
    },
    SelfCheck("tracks.merge-and-split") { r in
        let rig = TrackRig()
        for _ in 0..<5 { rig.frame([(20, 40, 16, 40)]) }
        for step in 0..<10 { rig.frame([(20, 40, 16, 40), (120 - 4 * step, 40, 16, 40)]) }
        r.expect(rig.ids == [1, 2], "two people")
        rig.frame([(20, 40, 80, 40)])  // they meet: one blob covers both
        r.expect(rig.ids == [1, 2], "both ids survive the merge")
        r.expect(rig.tracker.tracks.last?.occluded == true && rig.tracker.tracks.first?.occluded == false, "the younger is held, the older fed")
        rig.frame([(20, 40, 16, 40), (64, 40, 16, 40)])
        r.expect(rig.ids == [1, 2], "both ids again when they part")
        // One person split in two by a pole: both halves still overlap the track.
        let split = TrackRig()
        for _ in 0..<5 { split.frame([(60, 30, 20, 60)]) }
        split.frame([(60, 30, 20, 25), (60, 60, 20, 30)])
        r.expect(split.ids == [1] && split.tracker.tracks.first?.box == Box(minX: 60, minY: 30, maxX: 79, maxY: 89), "fragments are united")
    },
    SelfCheck("tracks.frozen-mask-covers-tracks") { r in
        let rig = TrackRig()
        for _ in 0..<3 { rig.frame([(50, 40, 16, 40), (186, 136, 14, 14)]) }
        let frozen = Plane(width: 200, height: 150)
        rig.tracker.paintFrozenMask(frozen)
        r.expect(frozen[50, 40] == 255 && frozen[46, 36] == 255 && frozen[45, 36] == 0, "box plus a 4 px margin")
        r.expect(frozen[199, 149] == 255, "a track at the edge is clipped, not a crash")
    },
]
