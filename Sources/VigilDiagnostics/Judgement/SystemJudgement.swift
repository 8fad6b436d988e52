import VigilCore

/// The board's own health: temperature, load, memory.
public enum SystemJudgement {
    /// The hottest thermal zone in millidegrees Celsius, nil when the board has none.
    public static func temperature(milliCelsius: Int?, zone: String) -> DiagnosticCheck {
        guard let milli = milliCelsius else { return .ok("system", "temperature", "no thermal zone on this board") }
        let value = decimalText(milli / 100, fractionDigits: 1) + " °C (" + zone + ")"
        if milli >= failMilliCelsius {
            return DiagnosticCheck("system", "temperature", .fail, value, hint: "too hot: check the housing's ventilation and sun shield; the board will throttle or shut down")
        }
        if milli >= warnMilliCelsius {
            return DiagnosticCheck("system", "temperature", .warn, value, hint: "hot: check the housing's ventilation and sun shield")
        }
        return .ok("system", "temperature", value)
    }

    /// The 1-minute load average in hundredths against the CPU count.
    public static func load(hundredths: Int, processors: Int) -> DiagnosticCheck {
        let value = decimalText(hundredths, fractionDigits: 2) + " (\(processors) CPU" + (processors == 1 ? ")" : "s)")
        if hundredths > processors * 200 {
            return DiagnosticCheck("system", "load", .warn, value, hint: "the board is overloaded: frames may be dropped; check for a stuck process ('status' shows the unit's frame rate)")
        }
        return .ok("system", "load", value)
    }

    public static func memory(availableKilobytes: Int, totalKilobytes: Int) -> DiagnosticCheck {
        let percent = availableKilobytes * 100 / max(totalKilobytes, 1)
        let value = "\(availableKilobytes / 1024) MB available of \(totalKilobytes / 1024) MB (\(percent) %)"
        if percent < failPercent { return DiagnosticCheck("system", "memory", .fail, value, hint: "memory is almost exhausted: the unit may be killed; reboot and report it") }
        if percent < warnPercent { return DiagnosticCheck("system", "memory", .warn, value, hint: "little memory left: reboot if it keeps falling and report it") }
        return .ok("system", "memory", value)
    }

    static let warnMilliCelsius = 80_000
    static let failMilliCelsius = 95_000
    static let warnPercent = 10
    static let failPercent = 3
}
