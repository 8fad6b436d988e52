import VigilAppliance
import VigilAnalysis
import VigilCore
import VigilPrivacy
import VigilUnit

let configCommand = Command(
    spec: CommandSpec(
        name: "config", summary: "print the configuration file with every key at its default, or check a file",
        arguments: ["check", "FILE"], minimumArguments: 0,
        options: [OptionSpec("defaults", help: "print every section and key with its default value and what it means")],
        details: """
            vigil config --defaults > vigil.conf   # a complete, commented file to start from
            vigil config check vigil.conf          # every mistake with its line number; exit status 2 if any
            Unknown sections and keys are mistakes, not ignored: a misspelt key would otherwise
            leave a setting at its default without anyone noticing.
            """),
    run: { arguments throws(UsageError) in
        if arguments.flag("defaults") {
            print(defaultConfiguration(), terminator: "")
            return 0
        }
        guard arguments.positionals.count == 2, arguments.positionals[0] == "check" else {
            throw .missingArgument(command: "config", expected: ["check", "FILE"])
        }
        let path = arguments.positionals[1]
        guard configuration(fromFile: path, command: "config") != nil else { return 2 }
        print(path + ": ok")
        return 0
    })

/// The configuration file with every section and key: settings at their defaults, the
/// repeatable keys (zones, masks) as commented examples.
func defaultConfiguration() -> String {
    let analysis = AnalysisParameters()
    var text = "# vigil configuration: key = value lines under [sections]; '#' starts a comment.\n"
    text += "# Check a file with 'vigil config check FILE'.\n\n[analysis]\n"
    for setting in AnalysisParameters.settings {
        text += "# " + setting.help + " (\(setting.range.lowerBound) to \(setting.range.upperBound))\n"
        text += setting.key + " = \(setting.read(analysis))\n"
    }
    text += "# a polygon of 3 to 32 x,y corners in full-frame pixels, at most 16 zones in all:\n"
    text += "# motion inside an exclude_zone is ignored (trees, a road); with include zones, events only for people standing in one\n"
    text += "# exclude_zone = 0,0 640,0 640,60 0,60\n# include_zone = 100,200 600,200 600,480 100,480\n\n[redaction]\n"
    let redaction = RedactionSettings()
    text += "# what is pixelated: any of " + commaSeparated(RedactionPolicy.names) + " (comma-separated, no spaces), or none\n"
    text += "redact = " + redaction.policy.description + "\n"
    text += "# a polygon always pixelated (a window of a home, a doctor's door), x,y corners in full-frame pixels; one line each, at most \(RedactionSettings.maximumMasks)\n"
    text += "# mask = 0,0 200,0 200,120 0,120\n"
    text += "# the face cascade for video (vigil faces --list)\n"
    text += "cascade = " + redaction.cascadeName + "\n"
    text += "# the cascades a still is searched with, comma-separated, 1 to 4\n"
    text += "still_cascades = " + redaction.stillCascadeNames.joined(separator: ",") + "\n"
    text += "# frames a face stays covered after the detector last saw it (0 to 300)\n"
    text += "face_hold_frames = \(redaction.faceHoldFrames)\n"
    text += "# detector windows per video frame: the bound on face search cost (500 to 1000000)\n"
    text += "face_window_budget = \(redaction.faceWindowBudget)\n"
    text += "# the largest still decoded, in pixels\n"
    text += "max_image_pixels = \(redaction.maximumImagePixels)\n\n"
    text += TamperSettings.defaultsText() + "\n" + PolicySettings.defaultsText() + "\n" + OutputSettings.defaultsText() + "\n"
    text += UnitSettings.defaultsText()
    return text
}
