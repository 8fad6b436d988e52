import CSystem

/// A moment as the people around the unit name it: date and time of day in the local zone.
public struct CivilTime: Equatable, Sendable {
    public let year: Int
    public let month: Int
    public let day: Int
    public let hour: Int
    public let minute: Int
    public let second: Int
    /// 0 is Monday ... 6 is Sunday, the order a weekly schedule is written in.
    public let weekday: Int

    public init(year: Int, month: Int, day: Int, hour: Int, minute: Int, second: Int, weekday: Int) {
        self.year = year
        self.month = month
        self.day = day
        self.hour = hour
        self.minute = minute
        self.second = second
        self.weekday = weekday
    }

    public var minuteOfDay: Int { hour * 60 + minute }

    /// "2026-07-01 14:00:00".
    public var description: String {
        func twoDigits(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
        return "\(year)-" + twoDigits(month) + "-" + twoDigits(day) + " "
            + twoDigits(hour) + ":" + twoDigits(minute) + ":" + twoDigits(second)
    }
}

/// The process's local time zone, as a POSIX TZ string such as "CET-1CEST,M3.5.0,M10.5.0/3":
/// the rules are in the string, so the firmware needs no zoneinfo files.
public enum LocalTimeZone {
    /// Sets the zone for the whole process. Call it at start-up or on a reload, not while
    /// other threads read the environment.
    public static func set(posixTZ: String) {
        setenv("TZ", posixTZ, 1)
        // localtime_r is not required to look at TZ again; tzset makes it.
        tzset()
    }

    public static func now() -> CivilTime { civilTime(epochSeconds: Int64(time(nil))) }

    public static func civilTime(epochSeconds: Int64) -> CivilTime {
        var seconds = time_t(epochSeconds)
        var parts = tm()
        localtime_r(&seconds, &parts)
        return CivilTime(year: Int(parts.tm_year) + 1900, month: Int(parts.tm_mon) + 1, day: Int(parts.tm_mday),
                         hour: Int(parts.tm_hour), minute: Int(parts.tm_min), second: Int(parts.tm_sec),
                         weekday: (Int(parts.tm_wday) + 6) % 7)  // tm_wday counts from Sunday
    }
}
