import VigilAnalysis
import VigilCore

/// Runs `frames` frames of `scene` (with `draw` adding objects) through a fresh model.
private struct MotionRig {
    var scene: SyntheticScene
    let frame: Plane
    let model: SigmaDeltaBackground
    let morphology: MaskMorphology
    let ghosts: GhostSuppressor?

    init(width: Int = 160, height: Int = 120, suppressingGhosts: Bool = false) {
        scene = SyntheticScene(width: width, height: height, seed: 7)
        frame = Plane(width: width, height: height)
        model = SigmaDeltaBackground(width: width, height: height)
        morphology = MaskMorphology(width: width, height: height)
        ghosts = suppressingGhosts ? GhostSuppressor(width: width, height: height) : nil
    }

    mutating func step(frozen: Plane? = nil, draw: (SyntheticScene, Plane) -> Void = { _, _ in }) {
        scene.render(into: frame)
        draw(scene, frame)
        model.update(frame, frozen: frozen)
        morphology.open(model.foreground)
        ghosts?.suppress(model, luma: frame)
    }

    func foregroundInBox(x: Int, y: Int, width: Int, height: Int) -> Int {
        var count = 0
        for row in y..<(y + height) { for column in x..<(x + width) where model.foreground[column, row] != 0 { count += 1 } }
        return count
    }
}

let motionChecks: [SelfCheck] = [
    SelfCheck("motion.noise-alone-is-background") { r in
        var rig = MotionRig()
        for _ in 0..<60 { rig.step() }
        r.expect(rig.model.foregroundPermille == 0, "noisy static scene after opening: \(rig.model.foregroundPermille) permille")
    },
    SelfCheck("motion.moving-object-is-foreground") { r in
        var rig = MotionRig()
        for _ in 0..<40 { rig.step() }
        for step in 0..<10 { rig.step { scene, frame in scene.drawBox(x: 20 + step * 4, y: 30, width: 24, height: 48, level: 20, into: frame) } }
        let inside = rig.foregroundInBox(x: 56, y: 30, width: 24, height: 48)
        r.expect(inside * 10 >= 24 * 48 * 8, "at least 80 % of the object is foreground (\(inside) of \(24 * 48))")
        let total = rig.model.foregroundPermille * 160 * 120 / 1000
        r.expect(total - inside < 160 * 120 / 100, "less than 1 % of the frame outside it")
    },
    SelfCheck("motion.light-switch-is-not-motion") { r in
        for gain in [83, 45] {  // +30 %, -30 %
            var rig = MotionRig()
            for _ in 0..<40 { rig.step() }
            rig.scene.gain = gain
            rig.step()
            r.expect(abs(rig.model.lastGain - gain) <= 2, "gain estimated: \(rig.model.lastGain) for \(gain)")
            r.expect(rig.model.foregroundPermille < 5, "brightness step to \(gain)/64 leaves \(rig.model.foregroundPermille) permille foreground")
            for _ in 0..<5 { rig.step() }
            r.expect(rig.model.foregroundPermille == 0, "model has re-adapted five frames later")
        }
    },
    SelfCheck("motion.frozen-pixels-keep-a-still-person") { r in
        for freeze in [false, true] {
            var rig = MotionRig()
            for _ in 0..<40 { rig.step() }
            let mask = Plane(width: 160, height: 120)
            if freeze { SyntheticScene(width: 160, height: 120).drawBox(x: 60, y: 30, width: 24, height: 48, level: 255, into: mask) }
            for _ in 0..<300 { rig.step(frozen: mask) { scene, frame in scene.drawBox(x: 60, y: 30, width: 24, height: 48, level: 20, into: frame) } }
            let inside = rig.foregroundInBox(x: 60, y: 30, width: 24, height: 48)
            if freeze {
                r.expect(inside * 10 >= 24 * 48 * 8, "frozen: the still person stays foreground after 300 frames (\(inside))")
            } else {
                r.expect(inside * 10 < 24 * 48, "not frozen: a still object melts into the background (\(inside))")
            }
        }
    },
    SelfCheck("motion.ghost-of-a-departed-object-is-absorbed") { r in
        // In view when the model starts (the person standing there at power-on), then walks off.
        for suppressing in [false, true] {
            var rig = MotionRig(suppressingGhosts: suppressing)
            rig.step { scene, frame in scene.drawBox(x: 30, y: 30, width: 24, height: 48, level: 20, into: frame) }
            for step in 0..<30 {
                rig.step { scene, frame in scene.drawBox(x: 60 + step * 2, y: 40, width: 24, height: 48, level: 20, into: frame) }
            }
            let ghost = rig.foregroundInBox(x: 30, y: 30, width: 24, height: 40)
            let walker = rig.foregroundInBox(x: 118, y: 40, width: 24, height: 48)
            if suppressing {
                r.expect(ghost == 0, "the ghost where the object stood is absorbed within 30 frames (\(ghost) pixels left)")
                r.expect(walker * 10 >= 24 * 48 * 8, "the object itself stays foreground (\(walker))")
            } else {
                r.expect(ghost * 2 >= 24 * 40, "without suppression most of the ghost stays (\(ghost)): the check above means something")
            }
        }
    },
    SelfCheck("motion.a-person-who-stops-is-no-ghost") { r in
        var rig = MotionRig(suppressingGhosts: true)
        for _ in 0..<40 { rig.step() }
        let mask = Plane(width: 160, height: 120)
        SyntheticScene(width: 160, height: 120).drawBox(x: 56, y: 26, width: 32, height: 56, level: 255, into: mask)
        for step in 0..<10 { rig.step { scene, frame in scene.drawBox(x: 20 + step * 4, y: 30, width: 24, height: 48, level: 20, into: frame) } }
        for _ in 0..<200 { rig.step(frozen: mask) { scene, frame in scene.drawBox(x: 60, y: 30, width: 24, height: 48, level: 20, into: frame) } }
        let inside = rig.foregroundInBox(x: 60, y: 30, width: 24, height: 48)
        r.expect(inside * 10 >= 24 * 48 * 8, "still after 200 frames, the person stays foreground (\(inside))")
        r.expect(rig.ghosts!.absorbed == 0, "nothing absorbed (\(rig.ghosts!.absorbed))")
    },
    SelfCheck("motion.swaying-branches-settle") { r in
        // The per-pixel deviation grows where the picture keeps changing, until the swaying
        // itself no longer counts; someone walking in front of it still does.
        var rig = MotionRig()
        for _ in 0..<20 { rig.step() }
        var frame = 0
        func sway(_ scene: SyntheticScene, _ plane: Plane) {
            scene.drawSwaying(x: 10, y: 10, width: 60, height: 60, amplitude: 6, frame: frame, into: plane)
        }
        for _ in 0..<10 { rig.step(draw: sway); frame += 1 }
        let early = rig.foregroundInBox(x: 10, y: 10, width: 60, height: 60)
        r.expect(early * 4 >= 60 * 60, "at first the swaying is foreground (\(early) of \(60 * 60))")
        for _ in 0..<200 { rig.step(draw: sway); frame += 1 }
        let settled = rig.foregroundInBox(x: 10, y: 10, width: 60, height: 60)
        r.expect(settled * 50 < 60 * 60, "after 200 frames less than 2 % of it is (\(settled))")
        rig.step { scene, plane in
            sway(scene, plane)
            scene.drawBox(x: 30, y: 20, width: 16, height: 40, level: 20, into: plane)
        }
        let walker = rig.foregroundInBox(x: 30, y: 20, width: 16, height: 40)
        r.expect(walker * 2 >= 16 * 40, "a person in front of the branches is foreground (\(walker) of \(16 * 40))")
    },
    SelfCheck("motion.frame-difference-shows-what-moves-now") { r in
        var scene = SyntheticScene(width: 160, height: 120, seed: 5)
        let frame = Plane(width: 160, height: 120)
        let difference = FrameDifference(width: 160, height: 120)
        let whole = Box(minX: 0, minY: 0, maxX: 159, maxY: 119)
        scene.render(into: frame)
        difference.update(frame)
        r.expect(difference.measure(whole).pixels == 0, "the first frame has nothing to compare with")
        for _ in 0..<3 {
            scene.render(into: frame)
            difference.update(frame)
        }
        r.expect(difference.measure(whole).pixels == 0, "sensor noise alone is no change (\(difference.measure(whole).pixels) pixels)")
        // A person-sized box steps 8 px down: what it uncovered on top and covered below changed.
        for y in [30, 38] {
            scene.render(into: frame)
            scene.drawBox(x: 60, y: y, width: 24, height: 48, level: 20, into: frame)
            difference.update(frame)
        }
        let change = difference.measure(whole)
        r.expect(change.pixels >= 2 * 24 * 8 * 8 / 10 && change.pixels <= 2 * 24 * 8, "the two 24x8 bands changed (\(change.pixels) pixels)")
        r.expect(change.top >= 30 && change.top <= 32 && change.bottom >= 83 && change.bottom <= 85,
                 "rows \(change.top)-\(change.bottom): from the uncovered top to the covered bottom")
        r.expect(difference.measure(Box(minX: 0, minY: 0, maxX: 50, maxY: 119)).pixels == 0, "nothing changed left of the box")
        let outside = difference.measure(Box(minX: -40, minY: -40, maxX: -1, maxY: 200))
        r.expect(outside.pixels == 0, "a region outside the image measures nothing")
    },
]
