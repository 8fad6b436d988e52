import CSystem

/// The system's wall clock (CLOCK_REALTIME) in whole seconds since 1970 UTC.
public enum WallClock {
    public static func seconds() -> Int64 { vigil_clock_nanoseconds(CLOCK_REALTIME) / 1_000_000_000 }

    /// Sets the clock; needs CAP_SYS_TIME (EPERM otherwise).
    public static func set(seconds: Int64) -> Errno? {
        vigil_set_realtime_seconds(seconds) == 0 ? nil : .current
    }
}
