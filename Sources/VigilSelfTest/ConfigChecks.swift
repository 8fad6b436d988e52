import VigilAnalysis
import VigilCore

/// The analysis section and a second one, as issue 6's sections will sit next to it.
private let sections = [AnalysisParameters.configSection, ConfigSection(name: "camera", keys: ["device"])]

private func errorMessages(_ errors: [ConfigError]) -> [String] { errors.map { $0.message } }

let configChecks: [SelfCheck] = [
    SelfCheck("config.good-file") { r in
        let text = "# vigil.conf\r\n\n[analysis]\r\n"
            + "  fall_confirm_ms\t=  3000   # three seconds\r\n"
            + "motion_sensitivity=4\n"
            + "exclude_zone = 0,0 640,0 640,60 0,60    # the tree\n"
            + "exclude_zone = 600,0 640,0 640,480\n"
            + "include_zone = 100,200 600,200 600,480 100,480\n"
            + "[camera]\n# the camera's own\ndevice = /dev/video0\n"
        let file = ConfigFile(parsing: text, sections: sections)
        r.expect(file.errors.isEmpty, "no errors: \(errorMessages(file.errors))")
        r.expect(file.lines.map { $0.number } == [4, 5, 6, 7, 8, 11], "line numbers as editors count them (\(file.lines.map { $0.number }))")
        r.expect(file.lines.first == ConfigLine(number: 4, section: "analysis", key: "fall_confirm_ms", value: "3000"),
                 "blanks, tabs, CR and the trailing comment trimmed")
        r.expect(file.lines(in: "camera") == [ConfigLine(number: 11, section: "camera", key: "device", value: "/dev/video0")], "second section")
        var parameters = AnalysisParameters()
        let refused = parameters.apply(file)
        r.expect(refused.isEmpty, "applied: \(errorMessages(refused))")
        r.expect(parameters.fall.confirmMilliseconds == 3000 && parameters.motion.amplification == 4, "settings reach their parameters")
        r.expect(parameters.excludeZones.map { $0.description } == ["0,0 640,0 640,60 0,60", "600,0 640,0 640,480"], "exclude zones in order")
        r.expect(parameters.includeZones.count == 1 && parameters.includeZones.first?.points.last == Polygon.Point(x: 100, y: 480), "include zone")
        r.expect(ConfigFile(parsing: [0xEF, 0xBB, 0xBF] + Array("[analysis]\ndownscale = 2\n".utf8), sections: sections).errors.isEmpty,
                 "a byte-order mark from a Windows editor is not an error")
    },
    SelfCheck("config.every-error-with-its-line") { r in
        let text = """
            motion_sensitivity = 3
            [analysis]
            fall_confirm_ms = 2000
            foo = 1
            just words
            = 5
            fall_confirm_ms = 3000
            motion_min_ms =
            [analysis
            []
            downscale = 2
            [bar]
            x = 1
            """
        let file = ConfigFile(parsing: text, sections: sections)
        let expected = [
            "line 1: 'motion_sensitivity' appears before any [section]; put it under [analysis]",
            "line 4: unknown key 'foo' in [analysis] (known: downscale, motion_sensitivity, motion_min_ms, motion_min_area, fall_confirm_ms, fall_motion_permille, track_hold_frames, include_zone, exclude_zone)",
            "line 5: expected 'key = value'",
            "line 6: expected 'key = value'",
            "line 7: 'fall_confirm_ms' is already set on line 3; keep one of the two",
            "line 8: 'motion_min_ms' has no value; write 'motion_min_ms = VALUE' or remove the line",
            "line 9: expected a section header such as [analysis]",
            "line 10: expected a section header such as [analysis]",
            "line 12: unknown section [bar] (known: analysis, camera)",
        ]
        let got = errorMessages(file.errors)
        r.expect(got.count == expected.count, "every mistake found, not just the first (\(got.count) of \(expected.count))")
        for (message, wanted) in zip(got, expected) { r.expect(message == wanted, message) }
        // A bad header leaves the previous section in force; the unknown section's lines are skipped.
        r.expect(file.lines.map { $0.number } == [3, 11], "the good lines are kept (\(file.lines.map { $0.number }))")
        let orphan = ConfigFile(parsing: "device_path = x\n", sections: sections)
        r.expect(errorMessages(orphan.errors) == ["line 1: 'device_path' appears before any [section]; put it under its section (known: analysis, camera)"],
                 "a key no section knows: the sections are listed")
    },
    SelfCheck("config.values-and-zones-refused-with-their-line") { r in
        var text = "[analysis]\ndownscale = nine\ntrack_hold_frames = 0\nexclude_zone = 0,0 10,0\n"
            + "include_zone = 0,0 10,0 10,x\ninclude_zone = 0,0 9000,0 0,10\nfall_confirm_ms = 1500\n"
        for _ in 0..<17 { text += "exclude_zone = 0,0 10,0 10,10\n" }
        let file = ConfigFile(parsing: text, sections: sections)
        var parameters = AnalysisParameters()
        let refused = parameters.apply(file)
        let expected = [
            "line 2: bad value 'nine' for downscale: expected a whole number from 0 to 8",
            "line 3: bad value '0' for track_hold_frames: expected a whole number from 1 to 10000",
            "line 4: bad exclude_zone '0,0 10,0': a zone needs at least 3 corners (got 2)",
            "line 5: bad include_zone '0,0 10,0 10,x': bad corner '10,x': expected x,y in full-frame pixels, e.g. 0,0 640,0 640,60 0,60",
            "line 6: bad include_zone '0,0 9000,0 0,10': corner 9000,0 is outside 0...8192",
            "line 24: too many zones: at most 16, include and exclude together; join neighbouring ones",
        ]
        r.expect(file.errors.isEmpty, "well-formed lines")
        r.expect(errorMessages(refused) == expected, "\(errorMessages(refused))")
        r.expect(parameters.fall.confirmMilliseconds == 1500 && parameters.excludeZones.count == 16, "the good lines applied")
    },
]
