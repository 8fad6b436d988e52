import VigilAnalysis
import VigilCore

/// A person-sized box at 10 fps over a textured, noisy scene; `pose(t)` gives the box at t ms
/// and `gain(t)` the scene's brightness in 1/64.
private func events(_ pose: (Int) -> (x: Int, y: Int, w: Int, h: Int)?, seconds: Int, gain: (Int) -> Int = { _ in 64 }) -> [SceneEvent] {
    events(pieces: { t in pose(t).map { [$0] } ?? [] }, seconds: seconds, gain: gain)
}

/// The same with a body drawn in several boxes (`pieces(t)`), as a silhouette falls apart
/// when clothes match the background.
private func events(pieces: (Int) -> [(x: Int, y: Int, w: Int, h: Int)], seconds: Int, gain: (Int) -> Int = { _ in 64 }) -> [SceneEvent] {
    var scene = SyntheticScene(width: 320, height: 240, seed: 3)
    let frame = Plane(width: 320, height: 240)
    var parameters = AnalysisParameters()
    parameters.downscale = 1
    let analyzer = SceneAnalyzer(width: 320, height: 240, parameters: parameters)
    var found: [SceneEvent] = []
    for index in 0..<(seconds * 10) {
        let t = index * 100
        scene.gain = gain(t)
        scene.render(into: frame)
        for box in pieces(t) { scene.drawBox(x: box.x, y: box.y, width: box.w, height: box.h, level: 25, into: frame) }
        analyzer.analyze(frame, frameIndex: index, milliseconds: t, events: &found)
    }
    return found
}

/// Walks in from the left, stops at x = 150, then does `after(t)` from 4 s on.
private func walkThen(_ after: @escaping (Int) -> (x: Int, y: Int, w: Int, h: Int)) -> (Int) -> (x: Int, y: Int, w: Int, h: Int)? {
    { t in
        if t < 1000 { return nil }
        if t < 4000 { return (min(150, 20 + (t - 1000) / 20), 100, 24, 80) }
        return after(t)
    }
}

/// Linear interpolation in integers from a to b as t goes from t0 to t1.
private func between(_ a: Int, _ b: Int, _ t: Int, _ t0: Int, _ t1: Int) -> Int {
    t <= t0 ? a : (t >= t1 ? b : a + (b - a) * (t - t0) / (t1 - t0))
}

let fallChecks: [SelfCheck] = [
    SelfCheck("falls.fall-then-lying-still-is-one-event") { r in
        // Falls sideways in 0.5 s, from 24x80 standing to 80x24 lying on the same floor line.
        let found = events(walkThen { t in
            (150, between(100, 156, t, 4000, 4500), between(24, 80, t, 4000, 4500), between(80, 24, t, 4000, 4500))
        }, seconds: 10)
        let falls = found.filter { $0.kind == .fall }
        r.expect(falls.count == 1, "exactly one fall event (\(falls.count))")
        if let fall = falls.first {
            r.expect(fall.milliseconds >= 4000 + 2000 && fall.milliseconds <= 7000, "at least the 2 s confirmation after the fall began (\(fall.milliseconds) ms)")
            r.expect(fall.box.minY >= 140 && fall.box.width > fall.box.height, "the box shows the person lying (" + fall.box.description + ")")
        }
        r.expect(found.contains { $0.kind == .motion }, "the walk-in was a motion event")
    },
    SelfCheck("falls.sitting-down-slowly-is-not-a-fall") { r in
        // Sits over 2 s: loses a third of the height, stays upright-shaped.
        let found = events(walkThen { t in (150, between(100, 126, t, 4000, 6000), 28, between(80, 54, t, 4000, 6000)) }, seconds: 10)
        r.expect(!found.contains { $0.kind == .fall }, "no fall event")
    },
    SelfCheck("falls.getting-up-within-the-confirmation-is-not-an-alarm") { r in
        let found = events(walkThen { t in
            if t < 5000 { return (150, between(100, 156, t, 4000, 4500), between(24, 80, t, 4000, 4500), between(80, 24, t, 4000, 4500)) }
            return (150, between(156, 100, t, 5000, 5500), between(80, 24, t, 5000, 5500), between(24, 80, t, 5000, 5500))
        }, seconds: 10)
        r.expect(!found.contains { $0.kind == .fall }, "down for 1 s only: no fall event")
    },
    SelfCheck("falls.someone-in-view-at-start-who-falls") { r in
        // Standing there when the camera starts, so the first background holds them: after the
        // fall the ghost of the upright body must not hide the fall.
        let found = events({ t in
            (150, between(100, 156, t, 2000, 2500), between(24, 80, t, 2000, 2500), between(80, 24, t, 2000, 2500))
        }, seconds: 8)
        let falls = found.filter { $0.kind == .fall }
        r.expect(falls.count == 1, "exactly one fall event (\(falls.count))")
        if let fall = falls.first {
            r.expect(fall.box.minY >= 140 && fall.box.width > fall.box.height, "the box shows the person lying (" + fall.box.description + ")")
        }
    },
    SelfCheck("falls.walking-towards-the-camera-and-stopping-is-not-a-fall") { r in
        // Seen from a pole, someone coming closer moves down the picture and grows: the top
        // comes down as far as in a fall, but the feet come down further; then they stand.
        let found = events({ t in
            if t < 1000 { return nil }
            if t < 3000 { return (150, 40, 20, 50) }
            return (between(150, 140, t, 3000, 4500), between(40, 150, t, 3000, 4500), between(20, 32, t, 3000, 4500), between(50, 80, t, 3000, 4500))
        }, seconds: 9)
        r.expect(!found.contains { $0.kind == .fall }, "no fall event")
    },
    SelfCheck("falls.lying-still-enough-to-vanish-is-still-a-fall") { r in
        // Falls, then lies so still and so like the floor that the foreground loses them: the
        // held track carries the confirmation.
        let fallThenVanish = walkThen { t in (150, between(100, 156, t, 4000, 4500), between(24, 80, t, 4000, 4500), between(80, 24, t, 4000, 4500)) }
        let found = events({ t in t < 4700 ? fallThenVanish(t) : nil }, seconds: 8)
        let falls = found.filter { $0.kind == .fall }
        r.expect(falls.count == 1, "exactly one fall event (\(falls.count))")
        if let fall = falls.first {
            r.expect(fall.box.minY >= 140 && fall.box.width > fall.box.height, "the box shows where the person lay (" + fall.box.description + ")")
        }
    },
    SelfCheck("falls.a-body-in-two-pieces-falls-once") { r in
        // Upper and lower body as two blobs, so two tracks, from the start: both see the fall.
        let found = events(pieces: { t in
            guard t >= 1000 else { return [] }
            return [(150, between(100, 156, t, 4000, 4500), between(24, 37, t, 4000, 4500), between(37, 24, t, 4000, 4500)),
                    (between(150, 193, t, 4000, 4500), between(143, 156, t, 4000, 4500), between(24, 37, t, 4000, 4500), between(37, 24, t, 4000, 4500))]
        }, seconds: 9)
        let falls = found.filter { $0.kind == .fall }
        r.expect(Set(found.filter { $0.kind == .motion }.map { $0.trackID }).count == 2, "two tracks")
        r.expect(falls.count == 1, "one fall, one event (\(falls.count))")
    },
    SelfCheck("falls.brightness-step-is-not-a-fall") { r in
        // Lights switched or a cloud: the whole scene +30 % or -30 % while someone stands there.
        for step in [83, 45] {
            let found = events(walkThen { _ in (150, 100, 24, 80) }, seconds: 10, gain: { t in t < 6000 ? 64 : step })
            r.expect(!found.contains { $0.kind == .fall }, "no fall event after a step to \(step)/64")
        }
    },
    SelfCheck("json.lines") { r in
        var inner = JSONLine()
        inner.add("frames", 3)
        inner.add("ms", 1234, fractionDigits: 2)
        var line = JSONLine()
        line.add("event", "fa\"ll\n")
        line.add("box", [1, -2, 3])
        line.add("ok", true)
        line.add("summary", inner)
        r.expect(line.rendered == #"{"event":"fa\"ll\n","box":[1,-2,3],"ok":true,"summary":{"frames":3,"ms":12.34}}"#, line.rendered)
    },
]

let settingChecks: [SelfCheck] = [
    SelfCheck("settings.keys-ranges-and-errors") { r in
        var parameters = AnalysisParameters()
        do throws(SettingError) {
            try parameters.set("fall_confirm_ms", "3000")
            try parameters.set("track_hold_frames", "7")
            try parameters.set("downscale", "0")
        } catch {
            r.fail("valid settings refused: " + error.message)
        }
        r.expect(parameters.fall.confirmMilliseconds == 3000 && parameters.tracker.maximumMissedFrames == 7, "each key reaches its parameter")
        for (key, value, message) in [
            ("bogus", "1", "unknown setting 'bogus' (known: downscale, motion_sensitivity, motion_min_ms, motion_min_area, fall_confirm_ms, fall_motion_permille, track_hold_frames)"),
            ("track_hold_frames", "0", "bad value '0' for track_hold_frames: expected a whole number from 1 to 10000"),
            ("downscale", "two", "bad value 'two' for downscale: expected a whole number from 0 to 8"),
        ] {
            do throws(SettingError) {
                try parameters.set(key, value)
                r.fail("accepted " + key + "=" + value)
            } catch {
                r.expect(error.message == message, error.message)
            }
        }
        r.expect(parameters.tracker.maximumMissedFrames == 7, "a refused value changes nothing")
    },
]
