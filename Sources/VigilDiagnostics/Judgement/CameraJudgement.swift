import VigilCore

/// What the camera's measurements mean for the technician. Pure: the numbers come from a short
/// capture by `vigil diag` or from the running daemon's status file.
public enum CameraJudgement {
    /// Frame rates in hundredths of a frame per second.
    public static func frameRate(measuredHundredths: Int, expectedHundredths: Int) -> DiagnosticCheck {
        let value = decimalText(measuredHundredths, fractionDigits: 2) + " fps (configured " + decimalText(expectedHundredths, fractionDigits: 2) + ")"
        if measuredHundredths * 10 >= expectedHundredths * 9 { return .ok("camera", "frame rate", value) }
        let hint = "fewer frames than configured: check the light (long exposure in the dark), the cable, or lower [camera] fps"
        return DiagnosticCheck("camera", "frame rate", measuredHundredths * 2 >= expectedHundredths ? .warn : .fail, value, hint: hint)
    }

    /// Mean luma 0...255 against the tamper detector's covered/blinded levels.
    public static func brightness(mean: Int, darkLevel: Int, brightLevel: Int) -> DiagnosticCheck {
        let value = "mean grey level \(mean) of 255"
        if mean <= darkLevel {
            return DiagnosticCheck("camera", "brightness", .fail, value, hint: "the picture is almost black: is the lens covered, the iris closed or the infrared light off?")
        }
        if mean >= brightLevel {
            return DiagnosticCheck("camera", "brightness", .fail, value, hint: "the picture is almost white: is the camera blinded (a lamp, the sun) or its exposure stuck?")
        }
        if mean < darkLevel + margin || mean > brightLevel - margin {
            return DiagnosticCheck("camera", "brightness", .warn, value,
                                   hint: "close to the level at which the unit reports tamper: check the exposure and what the camera sees")
        }
        return .ok("camera", "brightness", value)
    }

    /// The sharpness score of `SharpnessScore`, in tenths.
    public static func sharpness(tenths: Int) -> DiagnosticCheck {
        let value = "focus score " + decimalText(tenths, fractionDigits: 1)
        if tenths >= warnBelowTenths { return .ok("camera", "sharpness", value) }
        return DiagnosticCheck("camera", "sharpness", tenths < failBelowTenths ? .fail : .warn, value,
                               hint: "little detail in the picture: clean the lens, turn the focus ring while watching 'snapshot', or check it is not facing a blank wall")
    }

    /// The tamper detector's current condition ("" when none).
    public static func tamper(condition: String) -> DiagnosticCheck {
        if condition.isEmpty { return .ok("camera", "tamper", "none") }
        return DiagnosticCheck("camera", "tamper", .fail, condition,
                               hint: "the unit sees the camera " + condition + ": check the housing, the lens and the mounting")
    }

    static let margin = 15
    public static let warnBelowTenths = 30
    public static let failBelowTenths = 10
}
