import VigilAnalysis
import VigilCore

private func polygon(_ text: String) -> Polygon? {
    do throws(SettingError) { return try Polygon(parsing: text) } catch { return nil }
}

private func pixelCount(_ runs: [PixelRun]) -> Int { runs.reduce(0) { $0 + $1.end - $1.start } }

/// A person walking in from the left (24x80 px) and falling at 4 s, at 10 fps on a textured,
/// noisy 320x240 scene analysed at half size; the events with `zones` applied.
private func walkAndFall(_ zones: [(key: String, corners: String)], _ r: inout CheckRecorder) -> [SceneEvent] {
    var parameters = AnalysisParameters()
    parameters.downscale = 2
    for zone in zones {
        do throws(SettingError) { try parameters.addZone(zone.key, zone.corners) } catch { r.fail(error.message) }
    }
    var scene = SyntheticScene(width: 320, height: 240, seed: 5)
    let frame = Plane(width: 320, height: 240)
    let analyzer = SceneAnalyzer(width: 320, height: 240, parameters: parameters)
    var found: [SceneEvent] = []
    for index in 0..<100 {
        let t = index * 100
        scene.render(into: frame)
        if t >= 4500 {
            scene.drawBox(x: 150, y: 156, width: 80, height: 24, level: 25, into: frame)
        } else if t >= 1000 {
            scene.drawBox(x: min(150, 20 + (t - 1000) / 20), y: 100, width: 24, height: 80, level: 25, into: frame)
        }
        analyzer.analyze(frame, frameIndex: index, milliseconds: t, events: &found)
    }
    return found
}

let zoneChecks: [SelfCheck] = [
    SelfCheck("zones.square-and-concave-fill") { r in
        guard let square = polygon("0,0 10,0 10,10 0,10"), let u = polygon("0,0 30,0 30,30 20,30 20,10 10,10 10,30 0,30"),
              let right = polygon("10,0 20,0 20,10 10,10")
        else { return r.fail("valid polygons refused") }
        let runs = square.runs(width: 32, height: 24, factor: 1)
        r.expect(runs == (0..<10).map { PixelRun(y: $0, start: 0, end: 10) }, "a 10x10 square is ten runs of ten pixels")
        r.expect(pixelCount(square.runs(width: 32, height: 24, factor: 2)) == 25, "at half size, 5x5 pixels")
        r.expect(pixelCount(square.runs(width: 6, height: 4, factor: 1)) == 24, "clipped to the plane")
        r.expect(pixelCount(u.runs(width: 32, height: 32, factor: 1)) == 30 * 30 - 10 * 20, "a U: the notch is left out")
        r.expect(u.runs(width: 32, height: 32, factor: 1).filter { $0.y == 20 }.map { $0.end - $0.start } == [10, 10], "two runs across the U's legs")
        let both = square.runs(width: 32, height: 24, factor: 1) + right.runs(width: 32, height: 24, factor: 1)
        r.expect(pixelCount(both) == 200 && !both.contains { $0.start < 10 && $0.end > 10 }, "squares sharing an edge share no pixel")
        guard let triangle = polygon("0,0 10,0 0,10") else { return r.fail("triangle refused") }
        r.expect(pixelCount(triangle.runs(width: 32, height: 24, factor: 1)) == 45, "a triangle: centres on the diagonal are outside")

        let map = ZoneMap(width: 32, height: 32, factor: 1, include: [u], exclude: [])
        r.expect(map.includes(x: 15, y: 5) && map.includes(x: 5, y: 25) && map.includes(x: 29, y: 29), "inside the U")
        r.expect(!map.includes(x: 15, y: 20) && !map.includes(x: 30, y: 5) && !map.includes(x: -1, y: 5), "in the notch, right of it, off the plane")
        r.expect(ZoneMap(width: 32, height: 32, factor: 1, include: [], exclude: [u]).includes(x: 31, y: 31), "no include zone: everywhere counts")
        let mask = Plane(width: 32, height: 32)
        mask.fill(255)
        ZoneMap(width: 32, height: 32, factor: 1, include: [], exclude: [u]).clearExcluded(in: mask)
        r.expect(mask[15, 5] == 0 && mask[15, 20] == 255 && mask[31, 31] == 255, "an exclude zone clears its pixels only")
    },
    SelfCheck("zones.polygon-limits") { r in
        for (text, message) in [
            ("0,0 10,0", "a zone needs at least 3 corners (got 2)"),
            ("0,0 10,0 10,-1", "corner 10,-1 is outside 0...8192"),
            ("0,0 10,0 10 10", "bad corner '10': expected x,y in full-frame pixels, e.g. 0,0 640,0 640,60 0,60"),
            ("0,0 10,0 10,10,3", "bad corner '10,10,3': expected x,y in full-frame pixels, e.g. 0,0 640,0 640,60 0,60"),
        ] {
            do throws(SettingError) {
                _ = try Polygon(parsing: text)
                r.fail("accepted " + text)
            } catch {
                r.expect(error.message == message, error.message)
            }
        }
        var corners = ""
        for index in 0..<33 { corners += "\(index),\(index * index) " }
        do throws(SettingError) {
            _ = try Polygon(parsing: corners)
            r.fail("33 corners accepted")
        } catch {
            r.expect(error.message == "a zone has at most 32 corners (got 33); simplify the outline", error.message)
        }
        r.expect(polygon("0,0\t8192,0   8192,8192 ")?.points.count == 3, "tabs and runs of spaces separate corners; the frame's edge is allowed")
    },
    SelfCheck("zones.exclude-zone-hides-motion") { r in
        let open = walkAndFall([], &r)
        r.expect(open.contains { $0.kind == .motion } && open.contains { $0.kind == .fall }, "without zones: motion and the fall")
        let elsewhere = walkAndFall([("exclude_zone", "0,0 320,0 320,60 0,60")], &r)
        r.expect(elsewhere == open, "an exclude zone elsewhere (the sky) changes nothing")
        let covered = walkAndFall([("exclude_zone", "0,90 320,90 320,240 0,240")], &r)
        r.expect(covered.isEmpty, "motion inside the exclude zone is never seen (\(covered.count) events)")
    },
    SelfCheck("zones.include-zone-gates-events") { r in
        let around = walkAndFall([("include_zone", "120,120 320,120 320,240 120,240")], &r)
        let motion = around.first { $0.kind == .motion }
        r.expect(motion != nil && around.contains { $0.kind == .fall }, "standing in the zone: motion and the fall reported")
        // Without zones motion is reported at 1500 ms; the foot point (bottom centre) enters
        // x >= 120 only when the box's left edge passes 108, at 2760 ms.
        r.expect((motion?.milliseconds ?? 0) >= 2760, "motion is reported when the person steps into the zone (\(motion?.milliseconds ?? -1) ms)")
        let away = walkAndFall([("include_zone", "0,0 320,0 320,60 0,60")], &r)
        r.expect(away.isEmpty, "nobody stands in the zone: no event (\(away.count))")
    },
]
