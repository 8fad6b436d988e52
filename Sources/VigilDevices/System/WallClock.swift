import CSystem

/// The system's wall clock (CLOCK_REALTIME); it is read with `wallClockMilliseconds()`.
public enum WallClock {
    /// Sets the clock to whole seconds since 1970 UTC; needs CAP_SYS_TIME (EPERM otherwise).
    public static func set(seconds: Int64) -> Errno? {
        vigil_set_realtime_seconds(seconds) == 0 ? nil : .current
    }
}
