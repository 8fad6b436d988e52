import VigilCore

/// Whether the wall clock can be trusted: a unit with a wrong clock writes wrong evidence.
public enum ClockJudgement {
    /// The first plausible time for this firmware: 2026-01-01.
    public static let earliestMilliseconds: Int64 = 1_767_225_600_000
    /// 2100-01-01.
    public static let latestMilliseconds: Int64 = 4_102_444_800_000

    public static func wallClock(epochMilliseconds: Int64) -> DiagnosticCheck {
        let value = utcTimestamp(milliseconds: epochMilliseconds)
        if epochMilliseconds < earliestMilliseconds || epochMilliseconds > latestMilliseconds {
            return DiagnosticCheck("clock", "time", .fail, value,
                                   hint: "the clock is not set: clips would carry a wrong time; use 'set-time YYYY-MM-DD HH:MM:SS' (UTC) and check the RTC battery or NTP")
        }
        return .ok("clock", "time", value)
    }

    /// The newest clip must not start after now: a clock that went back would break the order of evidence.
    public static func newestClip(startMilliseconds: Int64?, nowMilliseconds: Int64) -> DiagnosticCheck {
        guard let start = startMilliseconds else { return .ok("clock", "against clips", "no clip yet") }
        if start > nowMilliseconds + toleranceMilliseconds {
            return DiagnosticCheck("clock", "against clips", .fail, "newest clip starts " + utcTimestamp(milliseconds: start),
                                   hint: "the clock is behind the clips already recorded: it was set back; set the correct time ('set-time') and tell the data-protection officer")
        }
        return .ok("clock", "against clips", "newest clip " + utcTimestamp(milliseconds: start))
    }

    /// The kernel's NTP state (adjtimex) and the last `set-time`, as found.
    public static func lastSet(synchronised: Bool, lastSetText: String) -> DiagnosticCheck {
        .ok("clock", "last set", (synchronised ? "synchronised (NTP); " : "not synchronised; ") + lastSetText)
    }

    static let toleranceMilliseconds: Int64 = 60_000
}
