import Foundation
import Testing

/// `vigil config`: the defaults file lists every key and is itself a valid configuration;
/// `check` names every mistake with its line.
@Suite struct ConfigCommandTests {
    @Test func theDefaultsListEveryKeyAndPassTheCheck() throws {
        let defaults = try VigilProcess.run(["config", "--defaults"])
        #expect(defaults.status == 0, "\(defaults.standardError)")
        let keys = ["downscale", "motion_sensitivity", "motion_min_ms", "motion_min_area", "fall_confirm_ms", "fall_motion_permille",
                    "track_hold_frames", "include_zone", "exclude_zone", "redact", "mask", "cascade", "still_cascades", "face_hold_frames",
                    "face_window_budget", "max_image_pixels", "enabled", "dark_level", "bright_level", "edge_loss_percent",
                    "scene_change_percent", "confirm_ms", "learn_ms", "day_window", "record_by_day", "alarm_at_night", "alarm_hold_ms",
                    "timezone", "tamper_alarm", "sign_line", "recording_line", "alarm_line", "status_line", "tamper_line", "active_low",
                    "evidence_thread", "status_file", "log_file", "audit_log"]
        for key in keys { #expect(defaults.outputLines.contains { $0.hasPrefix(key + " = ") || $0.hasPrefix("# " + key + " = ") }, "\(key) missing") }
        #expect(defaults.outputLines.contains("fall_confirm_ms = 2000"), "settings at their defaults")
        let scratch = try ScratchDirectory()
        let file = try scratch.file("vigil.conf", Data(defaults.standardOutput.utf8))
        let check = try VigilProcess.run(["config", "check", file])
        #expect(check.status == 0 && check.standardOutput == file + ": ok\n", "\(check.standardOutput) \(check.standardError)")
    }

    @Test func checkReportsEveryBadLineWithItsNumber() throws {
        let scratch = try ScratchDirectory()
        let file = try scratch.file("site.conf", Data("[analysis]\ndownscale = 99\nfoo = 1\n# fine\n[redaction]\nredact = eyes\n[nope]\n".utf8))
        let check = try VigilProcess.run(["config", "check", file])
        #expect(check.status == 2)
        for (line, reason) in [(2, "bad value '99' for downscale"), (3, "unknown key 'foo'"), (6, "unknown redaction 'eyes'"), (7, "unknown section [nope]")] {
            #expect(check.errorLines.contains { $0.contains("site.conf: line \(line): " + reason) }, "line \(line): \(check.standardError)")
        }
        #expect(check.standardError.contains("4 errors"))
        #expect(check.standardOutput.isEmpty, "no 'ok' for a file with mistakes")
    }

    @Test func theUnitSectionsAreCheckedToo() throws {
        let scratch = try ScratchDirectory()
        let file = try scratch.file("site.conf", Data("""
            [tamper]
            dark_level = 300
            [policy]
            day_window = mon-fri 22:00-06:00
            alarm_at_night = yes
            [outputs]
            sign_line = relay
            alarm_line = relay
            active_low = lamp
            [store]
            evidence_thread = sometimes
            """.utf8))
        let check = try VigilProcess.run(["config", "check", file])
        #expect(check.status == 2)
        #expect(check.errorLines == [
            "vigil config: " + file + ": line 2: dark_level '300': expected a whole number from 0 to 127",
            "vigil config: " + file + ": line 4: bad day_window 'mon-fri 22:00-06:00': the window 22:00-06:00 crosses midnight, which a window may not; write it as two: 'mon-fri 22:00-24:00' and 'tue-sat 00:00-06:00'",
            "vigil config: " + file + ": line 8: 'relay' is both the sign_line and the alarm_line; each role needs its own GPIO line",
            "vigil config: " + file + ": line 9: unknown role 'lamp' in active_low (known: sign, recording, alarm, status, tamper), or none",
            "vigil config: " + file + ": line 11: evidence_thread 'sometimes': expected auto, yes or no",
            "vigil config: " + file + ": 5 errors; correct the lines above (every key with its meaning: vigil config --defaults)",
        ])
    }

    @Test func withoutACheckOrDefaultsItSaysWhatItTakes() throws {
        let run = try VigilProcess.run(["config"])
        #expect(run.status == 2 && run.standardError.contains("check FILE"), "\(run.standardError)")
    }
}
