import VigilAnalysis
import VigilCore

/// The `[policy]` section of the configuration file: when it is day, what an event does by day
/// and at night, how long the alarm is held, and the site's time zone.
public struct PolicySettings: Equatable, Sendable {
    public var schedule = WeeklySchedule()
    /// By day the staff are alarmed; a clip is written only when the site asks for one.
    public var recordByDay = false
    /// At night events are recorded; the alarm output is driven only when the site asks for it.
    public var alarmAtNight = false
    public var alarmHoldMilliseconds = 10_000
    /// A POSIX TZ string, handed to the C library as it is: the schedule is in local time.
    public var timeZone = "CET-1CEST,M3.5.0,M10.5.0/3"
    /// Whether a tamper event drives the alarm output, by day and at night.
    public var tamperAlarm = true
    /// The first `day_window` of a file replaces the default window; later ones add to it.
    private var dayWindowsGiven = false

    public static let alarmHoldRange = 500...600_000
    public static let configSection = ConfigSection(
        name: "policy", keys: ["day_window", "record_by_day", "alarm_at_night", "alarm_hold_ms", "timezone", "tamper_alarm"],
        repeatableKeys: ["day_window"])

    public init() {}

    /// Equal when they behave the same, however the windows were given.
    public static func == (a: PolicySettings, b: PolicySettings) -> Bool {
        a.schedule == b.schedule && a.recordByDay == b.recordByDay && a.alarmAtNight == b.alarmAtNight
            && a.alarmHoldMilliseconds == b.alarmHoldMilliseconds && a.timeZone == b.timeZone && a.tamperAlarm == b.tamperAlarm
    }

    /// Applies the `[policy]` lines of `file` and returns the ones refused, each with why.
    public mutating func apply(_ file: ConfigFile) -> [ConfigError] {
        var errors: [ConfigError] = []
        for line in file.lines(in: PolicySettings.configSection.name) {
            if let reason = set(line.key, line.value) { errors.append(ConfigError(line: line.number, reason: reason)) }
        }
        return errors
    }

    /// Sets one key; returns why the value was refused, or nil.
    public mutating func set(_ key: String, _ value: String) -> String? {
        switch key {
        case "day_window":
            var updated = dayWindowsGiven ? schedule : WeeklySchedule(windows: [])
            do throws(SettingError) { try updated.add(parsing: value) } catch {
                return "bad day_window '" + value + "': " + error.message
            }
            schedule = updated
            dayWindowsGiven = true
        case "record_by_day", "alarm_at_night", "tamper_alarm":
            guard let flag = ConfigValue.flag(value) else { return key + " '" + value + "': expected yes or no" }
            switch key {
            case "record_by_day": recordByDay = flag
            case "alarm_at_night": alarmAtNight = flag
            default: tamperAlarm = flag
            }
        case "alarm_hold_ms":
            guard let milliseconds = ConfigValue.integer(value, in: PolicySettings.alarmHoldRange) else {
                return "alarm_hold_ms '" + value + "': expected \(PolicySettings.alarmHoldRange.lowerBound) to \(PolicySettings.alarmHoldRange.upperBound) milliseconds"
            }
            alarmHoldMilliseconds = milliseconds
        case "timezone":
            guard ConfigValue.isWord(value, maximumLength: 64) else {
                return "timezone '" + value + "': expected a POSIX TZ string without spaces, e.g. CET-1CEST,M3.5.0,M10.5.0/3 or UTC0"
            }
            timeZone = value
        default:
            return "unknown key '" + key + "' in [policy] (known: " + commaSeparated(PolicySettings.configSection.keys) + ")"
        }
        return nil
    }

    /// The `[policy]` section with every key at its default, each explained by a comment.
    public static func defaultsText() -> String {
        let defaults = PolicySettings()
        var text = "[policy]\n"
        text += "# when the site is staffed ('day'), local time: DAYS HH:MM-HH:MM, days mon..sun or a range such as mon-fri or fri-mon;\n"
        text += "# one window a line, none past midnight (22:00-24:00 and 00:00-06:00 instead); the first line replaces this default\n"
        for window in defaults.schedule.windows { text += "day_window = " + window.description + "\n" }
        text += "# by day an event drives the alarm output; yes also records a clip of it (yes or no)\n"
        text += "record_by_day = " + ConfigValue.flagText(defaults.recordByDay) + "\n"
        text += "# at night an event is recorded; yes also drives the alarm output (yes or no)\n"
        text += "alarm_at_night = " + ConfigValue.flagText(defaults.alarmAtNight) + "\n"
        text += "# how long the alarm output stays on after the last event that alarmed, in milliseconds (\(alarmHoldRange.lowerBound) to \(alarmHoldRange.upperBound))\n"
        text += "alarm_hold_ms = \(defaults.alarmHoldMilliseconds)\n"
        text += "# the site's time zone as a POSIX TZ string (the day windows are local time), e.g. UTC0 or GMT0BST,M3.5.0/1,M10.5.0\n"
        text += "timezone = " + defaults.timeZone + "\n"
        text += "# whether a tamper event (camera covered, blinded, defocused or turned away; the tamper input) drives the alarm output, day and night (yes or no)\n"
        text += "tamper_alarm = " + ConfigValue.flagText(defaults.tamperAlarm) + "\n"
        return text
    }
}
