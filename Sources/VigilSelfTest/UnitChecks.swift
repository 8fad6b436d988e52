import VigilAnalysis
import VigilCore
import VigilUnit

/// The unit's decisions on the board's own build: the schedule's text handling and the
/// tables that turn events and conditions into outputs.
let unitChecks: [SelfCheck] = [
    SelfCheck("unit.schedule") { r in
        var schedule = WeeklySchedule(windows: [])
        do throws(SettingError) {
            try schedule.add(parsing: "mon-fri 07:00-19:00")
            try schedule.add(parsing: "fri-mon 23:00-24:00")
        } catch {
            r.fail("refused: " + error.message)
        }
        r.expect(schedule.isDay(weekday: 0, minuteOfDay: 420) && !schedule.isDay(weekday: 0, minuteOfDay: 419), "Monday 07:00 is day, 06:59 night")
        r.expect(schedule.isDay(weekday: 6, minuteOfDay: 1439) && !schedule.isDay(weekday: 2, minuteOfDay: 1439), "fri-mon wraps over Sunday only")
        r.expect(schedule.description == "mon-fri 07:00-19:00\nfri-mon 23:00-24:00", "written back: " + schedule.description)
        do throws(SettingError) {
            try schedule.add(parsing: "sun 22:00-06:00")
            r.fail("a window across midnight was accepted")
        } catch {
            r.expect(error.message.hasSuffix("'sun 22:00-24:00' and 'mon 00:00-06:00'"), "the two windows to write: " + error.message)
        }
    },
    SelfCheck("unit.settings-defaults-read-back") { r in
        let text = TamperSettings.defaultsText() + PolicySettings.defaultsText() + OutputSettings.defaultsText()
        let file = ConfigFile(parsing: text, sections: [TamperSettings.configSection, PolicySettings.configSection, OutputSettings.configSection])
        var tamper = TamperSettings(), policy = PolicySettings(), outputs = OutputSettings()
        let errors = file.errors + tamper.apply(file) + policy.apply(file) + outputs.apply(file)
        r.expect(errors.isEmpty, "no errors: " + (errors.first?.message ?? ""))
        r.expect(tamper == TamperSettings() && policy == PolicySettings() && outputs == OutputSettings(), "the defaults read back")
        r.expect(outputs.set("active_low", "sign,status") == nil && outputs.activeLowText == "sign,status", "active_low: " + outputs.activeLowText)
    },
    SelfCheck("unit.event-and-light-policy") { r in
        var settings = PolicySettings()
        settings.tamperAlarm = false
        let policy = EventPolicy(settings: settings)
        r.expect(policy.respond(to: .fall, isDay: true).description == "alarm=yes record=no", "a fall by day")
        r.expect(policy.respond(to: .motion, isDay: false).description == "alarm=no record=yes", "motion at night")
        r.expect(policy.respond(to: .tamper, isDay: true).description == "alarm=no record=yes", "tamper without its alarm")
        let lights = LightPolicy()
        var trace = ""
        for step in 0..<10 { trace += lights.lights(for: UnitCondition(watching: true, cameraLost: true), atMilliseconds: step * 100).status ? "1" : "0" }
        r.expect(trace == "1010000000", "camera lost blinks twice a second: " + trace)
        r.expect(lights.lights(for: UnitCondition(watching: true, recording: true), atMilliseconds: 500).description == "sign=on recording=on alarm=off status=off",
                 "sign and recording lamp")
    },
    SelfCheck("tamper.walker-is-not-a-covered-lens-is") { r in
        var scene = SyntheticScene(width: 320, height: 240, seed: 3)
        let frame = Plane(width: 320, height: 240)
        let detector = SceneTamperDetector(width: 320, height: 240)
        var reasons: [String] = []
        for index in 0..<125 {  // 25 s at 5 fps: 3 s learning, a walker for 12 s, then covered
            let t = index * 200
            scene.render(into: frame)
            if t >= 15_000 {
                frame.fill(5)
            } else if t >= 3000 {
                scene.drawBox(x: (t - 3000) / 40, y: 100, width: 28, height: 90, level: 25, into: frame)
            }
            if let finding = detector.observe(frame, milliseconds: t) { reasons.append(finding.reason.name + " at \(finding.milliseconds)") }
        }
        r.expect(reasons == ["dark at 20000"], "covered at 15 s, confirmed 5 s later: " + (reasons.isEmpty ? "none" : reasons.joined(separator: ", ")))
    },
]
