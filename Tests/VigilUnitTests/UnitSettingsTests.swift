import Testing
import VigilCore
import VigilUnit

/// The `[policy]` and `[outputs]` sections: every key, the reasons for refusing a value, and
/// the defaults text read back as the defaults.
@Suite struct PolicySettingsTests {
    func applied(_ text: String) -> (settings: PolicySettings, errors: [String]) {
        let file = ConfigFile(parsing: text, sections: [PolicySettings.configSection])
        var settings = PolicySettings()
        let errors = file.errors + settings.apply(file)
        return (settings, errors.map { $0.message })
    }

    @Test func theDefaults() {
        let settings = PolicySettings()
        #expect(settings.schedule == WeeklySchedule())
        #expect(!settings.recordByDay && !settings.alarmAtNight && settings.tamperAlarm)
        #expect(settings.alarmHoldMilliseconds == 10_000)
        #expect(settings.timeZone == "CET-1CEST,M3.5.0,M10.5.0/3")
    }

    @Test func everyKeyReachesItsSetting() {
        let (settings, errors) = applied("""
            [policy]
            day_window = mon-fri 07:00-19:00
            day_window = sat 09:00-14:00
            record_by_day = yes
            alarm_at_night = yes
            alarm_hold_ms = 500
            timezone = UTC0
            tamper_alarm = no
            """)
        #expect(errors.isEmpty, "\(errors)")
        #expect(settings.schedule.description == "mon-fri 07:00-19:00\nsat 09:00-14:00", "the first window replaced the default")
        #expect(settings.recordByDay && settings.alarmAtNight && !settings.tamperAlarm)
        #expect(settings.alarmHoldMilliseconds == 500)
        #expect(settings.timeZone == "UTC0")
    }

    @Test func badValuesAreRefusedWithAReason() {
        let (settings, errors) = applied("""
            [policy]
            day_window = mon-fri 22:00-06:00
            record_by_day = maybe
            alarm_hold_ms = 499
            alarm_hold_ms = 600001
            timezone = Central European
            colour = red
            """)
        #expect(errors == [
            "line 5: 'alarm_hold_ms' is already set on line 4; keep one of the two",
            "line 7: unknown key 'colour' in [policy] (known: day_window, record_by_day, alarm_at_night, alarm_hold_ms, timezone, tamper_alarm)",
            "line 2: bad day_window 'mon-fri 22:00-06:00': the window 22:00-06:00 crosses midnight, which a window may not; write it as two: 'mon-fri 22:00-24:00' and 'tue-sat 00:00-06:00'",
            "line 3: record_by_day 'maybe': expected yes or no",
            "line 4: alarm_hold_ms '499': expected 500 to 600000 milliseconds",
            "line 6: timezone 'Central European': expected a POSIX TZ string without spaces, e.g. CET-1CEST,M3.5.0,M10.5.0/3 or UTC0",
        ])
        #expect(settings == PolicySettings(), "a refused value changes nothing")
        var direct = PolicySettings()
        #expect(direct.set("alarm_hold_ms", "600001") != nil)
        #expect(direct.set("colour", "red")?.hasPrefix("unknown key 'colour' in [policy]") == true, "set refuses an unknown key too")
    }

    @Test func theDefaultsTextReadsBackAsTheDefaults() {
        let text = PolicySettings.defaultsText()
        let (settings, errors) = applied(text)
        #expect(errors.isEmpty, "\(errors)")
        #expect(settings == PolicySettings())
        for key in PolicySettings.configSection.keys {
            #expect(text.split(separator: "\n").contains { $0.hasPrefix(key + " = ") }, "\(key) listed")
        }
        let lines = text.split(separator: "\n")
        for (index, line) in lines.enumerated() where !line.hasPrefix("#") && !line.hasPrefix("[") {
            #expect(index > 0 && lines[index - 1].hasPrefix("# "), "a comment explains '\(line)'")
        }
    }
}

@Suite struct OutputSettingsTests {
    func applied(_ text: String) -> (settings: OutputSettings, errors: [String]) {
        let file = ConfigFile(parsing: text, sections: [OutputSettings.configSection])
        var settings = OutputSettings()
        let errors = file.errors + settings.apply(file)
        return (settings, errors.map { $0.message })
    }

    @Test func theDefaultsNameEveryLineActiveHigh() {
        let settings = OutputSettings()
        #expect(LineRole.allCases.map { settings.lineName($0) } == ["vigil-sign", "vigil-recording", "vigil-alarm", "vigil-status", "vigil-tamper"])
        #expect(LineRole.allCases.allSatisfy { !settings.isActiveLow($0) })
        #expect(settings.activeLowText == "none")
        #expect(LineRole.allCases.filter { $0.isInput } == [.tamper])
    }

    @Test func everyKeyReachesItsSetting() {
        let (settings, errors) = applied("""
            [outputs]
            sign_line = GPIO17
            recording_line = none
            alarm_line = relay-1
            status_line = led-green
            tamper_line = none
            active_low = sign,status
            """)
        #expect(errors.isEmpty, "\(errors)")
        #expect(settings.lineName(.sign) == "GPIO17" && settings.lineName(.alarm) == "relay-1" && settings.lineName(.status) == "led-green")
        #expect(settings.lineName(.recording) == nil && settings.lineName(.tamper) == nil, "none leaves the role out")
        #expect(LineRole.allCases.filter { settings.isActiveLow($0) } == [.sign, .status])
        #expect(settings.activeLowText == "sign,status")
        var again = settings
        #expect(again.set("active_low", "none") == nil)
        #expect(LineRole.allCases.allSatisfy { !again.isActiveLow($0) }, "none clears the list")
    }

    @Test func badValuesAreRefusedWithAReason() {
        let (settings, errors) = applied("""
            [outputs]
            sign_line = gpio chip 17
            alarm_line = a-name-far-longer-than-the-kernel-allows
            active_low = sign,siren
            lamp_line = x
            """)
        #expect(errors == [
            "line 5: unknown key 'lamp_line' in [outputs] (known: sign_line, recording_line, alarm_line, status_line, tamper_line, active_low)",
            "line 2: sign_line 'gpio chip 17': expected a GPIO line name (1 to 31 characters, no spaces; gpioinfo lists them) or none",
            "line 3: alarm_line 'a-name-far-longer-than-the-kernel-allows': expected a GPIO line name (1 to 31 characters, no spaces; gpioinfo lists them) or none",
            "line 4: unknown role 'siren' in active_low (known: sign, recording, alarm, status, tamper), or none",
        ])
        #expect(settings == OutputSettings(), "a refused value changes nothing")
        var direct = OutputSettings()
        #expect(direct.set("lamp_line", "x")?.hasPrefix("unknown key 'lamp_line' in [outputs]") == true)
    }

    @Test func twoRolesOnOneLineAreRefusedWhateverTheOrder() {
        let (_, errors) = applied("[outputs]\nalarm_line = relay\nsign_line = relay\n")
        #expect(errors == ["line 3: 'relay' is both the sign_line and the alarm_line; each role needs its own GPIO line"])
        let clash = applied("[outputs]\nsign_line = vigil-status\n").errors
        #expect(clash == ["line 2: 'vigil-status' is both the sign_line and the status_line; each role needs its own GPIO line"], "a default line counts")
        let (swapped, none) = applied("[outputs]\nsign_line = vigil-recording\nrecording_line = vigil-sign\n")
        #expect(none.isEmpty, "swapping two lines is fine in either order: \(none)")
        #expect(swapped.lineName(.sign) == "vigil-recording")
        #expect(applied("[outputs]\nsign_line = none\nrecording_line = none\n").errors.isEmpty, "none is not a line")
    }

    @Test func theDefaultsTextReadsBackAsTheDefaults() {
        let text = OutputSettings.defaultsText()
        let (settings, errors) = applied(text)
        #expect(errors.isEmpty, "\(errors)")
        #expect(settings == OutputSettings())
        for key in OutputSettings.configSection.keys {
            #expect(text.split(separator: "\n").contains { $0.hasPrefix(key + " = ") }, "\(key) listed")
        }
    }
}
