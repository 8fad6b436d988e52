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
                    "face_window_budget", "max_image_pixels"]
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

    @Test func withoutACheckOrDefaultsItSaysWhatItTakes() throws {
        let run = try VigilProcess.run(["config"])
        #expect(run.status == 2 && run.standardError.contains("check FILE"), "\(run.standardError)")
    }
}
