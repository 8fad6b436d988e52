import Testing
import VigilAnalysis
import VigilCore

/// A synthetic 320x240 camera at 5 frames a second watched by a tamper detector: `step`
/// renders the textured scene, lets `draw` change it, and hands the frame to the detector.
private final class TamperRig {
    static let width = 320, height = 240, frameMilliseconds = 200
    var scene = SyntheticScene(width: width, height: height, seed: 5)
    let frame = Plane(width: width, height: height)
    let scratch = Plane(width: width, height: height)
    let detector: SceneTamperDetector
    private(set) var milliseconds = 0
    private(set) var findings: [TamperFinding] = []

    init(settings: TamperSettings = TamperSettings()) {
        detector = SceneTamperDetector(width: TamperRig.width, height: TamperRig.height, settings: settings)
    }

    /// Runs `seconds` of frames; `draw` gets the scene, the frame and the frame's milliseconds.
    func run(seconds: Int, draw: (SyntheticScene, Plane, Int) -> Void = { _, _, _ in }) {
        for _ in 0..<(seconds * 1000 / TamperRig.frameMilliseconds) {
            scene.render(into: frame)
            draw(scene, frame, milliseconds)
            if let finding = detector.observe(frame, milliseconds: milliseconds) { findings.append(finding) }
            milliseconds += TamperRig.frameMilliseconds
        }
    }

    var reasons: [String] { findings.map { $0.reason.name } }

    /// The frame averaged over a (2 radius + 1)-pixel square around each pixel: a smeared or
    /// defocused lens.
    func blur(radius: Int) {
        let width = frame.width, height = frame.height, size = 2 * radius + 1
        for y in 0..<height {
            for x in 0..<width {
                var sum = 0
                for dx in -radius...radius { sum += Int(frame[min(width - 1, max(0, x + dx)), y]) }
                scratch[x, y] = UInt8(sum / size)
            }
        }
        for y in 0..<height {
            for x in 0..<width {
                var sum = 0
                for dy in -radius...radius { sum += Int(scratch[x, min(height - 1, max(0, y + dy))]) }
                frame[x, y] = UInt8(sum / size)
            }
        }
    }

    /// The camera turned round: the same kind of site, seen the other way (the frame rotated
    /// by half a turn), so its gradients and texture fall on other blocks.
    func turnAround() {
        for y in 0..<frame.height { for x in 0..<frame.width { scratch[x, y] = frame[x, y] } }
        for y in 0..<frame.height { for x in 0..<frame.width { frame[x, y] = scratch[frame.width - 1 - x, frame.height - 1 - y] } }
    }

    /// Sensor noise around a flat `level`: what the camera sees under a cap or in a beam.
    func flat(_ level: Int) {
        for y in 0..<frame.height {
            let row = frame.row(y)
            for x in 0..<frame.width { row[x] = UInt8(max(0, min(255, level + Int(row[x] & 7) - 4))) }
        }
    }
}

@Suite struct SceneTamperDetectorTests {
    @Test func aCoveredLensIsDarkOnceConfirmed() {
        let rig = TamperRig()
        rig.run(seconds: 10)
        #expect(rig.findings.isEmpty && rig.detector.condition == nil, "an untouched scene")
        rig.run(seconds: 3) { _, frame, _ in rig.flat(8) }
        #expect(rig.findings.isEmpty, "not confirmed before confirm_ms")
        #expect(rig.detector.condition == .dark, "but present")
        rig.run(seconds: 20) { _, frame, _ in rig.flat(8) }
        #expect(rig.reasons == ["dark"], "reported once")
        #expect(rig.findings.first.map { $0.milliseconds - $0.startedAt } == 5000)
        #expect(rig.findings.first?.startedAt == 10_000)
    }

    @Test func aFlashlightIsBright() {
        let rig = TamperRig()
        rig.run(seconds: 5)
        rig.run(seconds: 10) { _, _, _ in rig.flat(250) }
        #expect(rig.reasons == ["bright"])
    }

    @Test func aSmearedLensIsDefocused() {
        let rig = TamperRig()
        rig.run(seconds: 5)
        rig.run(seconds: 10) { _, _, _ in rig.blur(radius: 5) }
        #expect(rig.reasons == ["defocused"], "edge energy at \(rig.detector.measurement.edgePercent) %")
    }

    @Test func aSlightBlurIsNotTampering() {
        let rig = TamperRig()
        rig.run(seconds: 5)
        rig.run(seconds: 10) { _, _, _ in rig.blur(radius: 1) }
        #expect(rig.findings.isEmpty, "edge energy at \(rig.detector.measurement.edgePercent) %")
    }

    @Test func aCameraTurnedAwaySeesAnotherScene() {
        let rig = TamperRig()
        rig.run(seconds: 5)
        rig.run(seconds: 10) { _, _, _ in rig.turnAround() }
        #expect(rig.reasons == ["scene_changed"], "\(rig.detector.measurement.changedPercent) % of the blocks changed")
    }

    @Test func aPersonWalkingThroughIsNotTampering() {
        let rig = TamperRig()
        rig.run(seconds: 5)
        rig.run(seconds: 20) { scene, frame, milliseconds in
            // Across and back, 32 px a second, a person 28 x 88 px; then standing a while.
            let t = (milliseconds - 5000) / 100
            let x = t < 90 ? 10 + 3 * t : max(10, 280 - 3 * (t - 90))
            scene.drawBox(x: x, y: 110, width: 28, height: 88, level: 30, into: frame)
            scene.drawBox(x: x + 6, y: 92, width: 16, height: 18, level: 170, into: frame)
        }
        #expect(rig.findings.isEmpty && rig.detector.condition == nil, "\(rig.reasons)")
    }

    @Test func duskIsNotTampering() {
        let rig = TamperRig()
        rig.run(seconds: 5)
        // The whole scene darkens to 40 % over a minute: dusk, a cloud, the exposure catching up.
        rig.run(seconds: 60) { scene, frame, milliseconds in
            rig.scene.gain = 64 - (milliseconds - 5000) * 38 / 60_000
        }
        #expect(rig.findings.isEmpty, "\(rig.reasons) at gain \(rig.scene.gain), mean \(rig.detector.measurement.meanLevel)")
        // A light switched on: a sudden step is not tampering either.
        rig.run(seconds: 10) { _, _, _ in rig.scene.gain = 80 }
        #expect(rig.findings.isEmpty, "\(rig.reasons)")
    }

    @Test func itReArmsOnceTheConditionHasCleared() {
        let rig = TamperRig()
        rig.run(seconds: 5)
        rig.run(seconds: 8) { _, _, _ in rig.flat(5) }
        rig.run(seconds: 2)
        rig.run(seconds: 8) { _, _, _ in rig.flat(5) }
        #expect(rig.reasons == ["dark"], "two seconds clear is less than confirm_ms: still the first attack")
        rig.run(seconds: 10)
        #expect(rig.detector.condition == nil)
        rig.run(seconds: 8) { _, _, _ in rig.blur(radius: 6) }
        #expect(rig.reasons == ["dark", "defocused"], "re-armed after confirm_ms clear")
    }

    @Test func nothingIsReportedWhileLearningOrWhenDisabled() {
        var quick = TamperSettings()
        quick.learnMilliseconds = 0
        quick.confirmMilliseconds = 0
        let rig = TamperRig(settings: quick)
        rig.run(seconds: 1)
        rig.run(seconds: 1) { _, _, _ in rig.flat(250) }
        #expect(rig.reasons == ["bright"], "confirm_ms 0: the first bright frame")
        #expect(rig.findings.first?.startedAt == 1000)

        let covered = TamperRig()
        covered.run(seconds: 3) { _, _, _ in covered.flat(250) }
        #expect(covered.findings.isEmpty && covered.detector.condition == nil, "learn_ms: learning, no judgement")

        var off = TamperSettings()
        off.enabled = false
        let disabled = TamperRig(settings: off)
        disabled.run(seconds: 5)
        disabled.run(seconds: 10) { _, _, _ in disabled.flat(0) }
        #expect(disabled.findings.isEmpty)
    }

    @Test func eachCheckTurnsOffAtItsLimit() {
        var settings = TamperSettings()
        settings.darkLevel = 0
        settings.edgeLossPercent = 0
        settings.sceneChangePercent = 100
        let rig = TamperRig(settings: settings)
        rig.run(seconds: 5)
        rig.run(seconds: 10) { _, _, _ in rig.flat(0) }
        #expect(rig.findings.isEmpty, "\(rig.reasons)")
    }
}

@Suite struct TamperSettingsTests {
    func applied(_ text: String) -> (settings: TamperSettings, errors: [String]) {
        let file = ConfigFile(parsing: text, sections: [TamperSettings.configSection])
        var settings = TamperSettings()
        let errors = file.errors + settings.apply(file)
        return (settings, errors.map { $0.message })
    }

    @Test func everyKeyReachesItsSetting() {
        let (settings, errors) = applied("""
            [tamper]
            enabled = no
            dark_level = 10
            bright_level = 250
            edge_loss_percent = 20
            scene_change_percent = 70
            confirm_ms = 8000
            learn_ms = 1000
            """)
        #expect(errors.isEmpty, "\(errors)")
        var expected = TamperSettings()
        expected.enabled = false
        expected.darkLevel = 10
        expected.brightLevel = 250
        expected.edgeLossPercent = 20
        expected.sceneChangePercent = 70
        expected.confirmMilliseconds = 8000
        expected.learnMilliseconds = 1000
        #expect(settings == expected)
    }

    @Test func badValuesAreRefusedWithAReason() {
        let (settings, errors) = applied("[tamper]\nenabled = on\ndark_level = 128\nbright_level = 100\nconfirm_ms = soon\nsensitivity = 3\n")
        #expect(errors == [
            "line 6: unknown key 'sensitivity' in [tamper] (known: enabled, dark_level, bright_level, edge_loss_percent, scene_change_percent, confirm_ms, learn_ms)",
            "line 2: enabled 'on': expected yes or no",
            "line 3: dark_level '128': expected a whole number from 0 to 127",
            "line 4: bright_level '100': expected a whole number from 128 to 255",
            "line 5: confirm_ms 'soon': expected a whole number from 0 to 600000",
        ])
        #expect(settings == TamperSettings())
        var direct = TamperSettings()
        #expect(direct.set("sensitivity", "3")?.hasPrefix("unknown key 'sensitivity' in [tamper]") == true)
    }

    @Test func theDefaultsTextReadsBackAsTheDefaults() {
        let text = TamperSettings.defaultsText()
        let (settings, errors) = applied(text)
        #expect(errors.isEmpty, "\(errors)")
        #expect(settings == TamperSettings())
        #expect(settings.darkLevel == 20 && settings.brightLevel == 235 && settings.edgeLossPercent == 30 && settings.sceneChangePercent == 60
                && settings.confirmMilliseconds == 5000 && settings.learnMilliseconds == 3000 && settings.enabled)
        for key in TamperSettings.configSection.keys {
            #expect(text.split(separator: "\n").contains { $0.hasPrefix(key + " = ") }, "\(key) listed")
        }
    }
}
