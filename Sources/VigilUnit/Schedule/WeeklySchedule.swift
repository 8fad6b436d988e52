import VigilAnalysis
import VigilCore

/// When it is "day" at the site: the staff are there and an event alarms them. The rest of
/// the week is "night", when events are recorded. Windows are written as the configuration
/// file does, one a line:
///
///     mon-fri 07:00-19:00
///     sat 09:00-14:00
///     fri-mon 00:00-24:00     # a range of days may wrap over Sunday
///
/// A window ends on the day it starts (24:00 at the latest): one that runs past midnight is
/// two windows, so every window reads the same way whatever the day.
public struct WeeklySchedule: Equatable, Sendable {
    public struct Window: Equatable, Sendable {
        /// 0 = Monday ... 6 = Sunday; `lastDay` before `firstDay` wraps over Sunday.
        public let firstDay: Int
        public let lastDay: Int
        /// Minutes after midnight, `startMinute` < `endMinute` <= 1440.
        public let startMinute: Int
        public let endMinute: Int

        public init(firstDay: Int, lastDay: Int, startMinute: Int, endMinute: Int) {
            precondition((0...6).contains(firstDay) && (0...6).contains(lastDay))
            precondition(0 <= startMinute && startMinute < endMinute && endMinute <= WeeklySchedule.minutesPerDay)
            self.firstDay = firstDay
            self.lastDay = lastDay
            self.startMinute = startMinute
            self.endMinute = endMinute
        }

        public func covers(weekday: Int, minuteOfDay: Int) -> Bool {
            let onDay = firstDay <= lastDay ? (firstDay...lastDay).contains(weekday) : weekday >= firstDay || weekday <= lastDay
            return onDay && minuteOfDay >= startMinute && minuteOfDay < endMinute
        }

        /// As the configuration file writes it: `mon-fri 07:00-19:00`, `sat 09:00-14:00`.
        public var description: String {
            let days = firstDay == lastDay ? WeeklySchedule.dayNames[firstDay]
                : WeeklySchedule.dayNames[firstDay] + "-" + WeeklySchedule.dayNames[lastDay]
            return days + " " + WeeklySchedule.clockText(startMinute) + "-" + WeeklySchedule.clockText(endMinute)
        }
    }

    public static let dayNames = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]
    public static let minutesPerDay = 24 * 60
    /// Four windows a day covers any shift plan; more is a mistake in the file.
    public static let maximumWindows = 28
    /// Staffed hours of a typical site, every day, when the file gives none.
    public static let defaultWindow = Window(firstDay: 0, lastDay: 6, startMinute: 7 * 60, endMinute: 20 * 60)

    public private(set) var windows: [Window]

    public init(windows: [Window] = [WeeklySchedule.defaultWindow]) {
        self.windows = windows
    }

    /// Adds a window written as in the file; throws with what is wrong and what to write.
    public mutating func add(parsing text: String) throws(SettingError) {
        guard windows.count < WeeklySchedule.maximumWindows else {
            throw SettingError(message: "too many day windows: at most \(WeeklySchedule.maximumWindows); join neighbouring ones")
        }
        windows.append(try WeeklySchedule.window(parsing: text))
    }

    /// Whether it is day at `minuteOfDay` (0...1439, local time) of `weekday` (0 = Monday ... 6 = Sunday).
    public func isDay(weekday: Int, minuteOfDay: Int) -> Bool {
        windows.contains { $0.covers(weekday: weekday, minuteOfDay: minuteOfDay) }
    }

    /// The windows as configuration lines, one a line.
    public var description: String {
        var text = ""
        for window in windows { text += (text.isEmpty ? "" : "\n") + window.description }
        return text
    }

    static func window(parsing text: String) throws(SettingError) -> Window {
        let example = "; write e.g. 'mon-fri 07:00-19:00'"
        let words = text.split(whereSeparator: { $0 == " " || $0 == "\t" })
        guard words.count == 2 else { throw SettingError(message: "expected days and hours, e.g. 'mon-fri 07:00-19:00' or 'sat 09:00-14:00'") }
        let days = words[0].split(separator: "-", omittingEmptySubsequences: false)
        let hours = words[1].split(separator: "-", omittingEmptySubsequences: false)
        guard days.count <= 2 else { throw SettingError(message: "bad days '" + String(words[0]) + "': expected one day or a range such as mon-fri") }
        guard hours.count == 2 else { throw SettingError(message: "bad hours '" + String(words[1]) + "': expected HH:MM-HH:MM" + example) }
        var dayNumbers: [Int] = []
        for day in days {
            guard let number = dayNames.firstIndex(of: String(day)) else {
                throw SettingError(message: "unknown day '" + String(day) + "' (known: " + commaSeparated(dayNames) + ")")
            }
            dayNumbers.append(number)
        }
        let first = dayNumbers[0], last = dayNumbers[dayNumbers.count - 1]
        let start = try minute(parsing: String(hours[0])), end = try minute(parsing: String(hours[1]))
        guard end > start else {
            if end == start { throw SettingError(message: "the window " + String(words[1]) + " is empty" + example) }
            // The same nights as two windows: the evenings, and the mornings of the days after.
            let evenings = Window(firstDay: first, lastDay: last, startMinute: start, endMinute: minutesPerDay)
            let mornings = Window(firstDay: (first + 1) % 7, lastDay: (last + 1) % 7, startMinute: 0, endMinute: end)
            throw SettingError(message: "the window " + String(words[1]) + " crosses midnight, which a window may not; write it as two: '"
                               + evenings.description + "' and '" + mornings.description + "'")
        }
        return Window(firstDay: first, lastDay: last, startMinute: start, endMinute: end)
    }

    /// `HH:MM` from 00:00 to 24:00 as minutes after midnight.
    private static func minute(parsing text: String) throws(SettingError) -> Int {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 2, text.utf8.allSatisfy({ $0 == UInt8(ascii: ":") || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }), parts[0].count == 2, parts[1].count == 2, let hour = Int(parts[0]), let minute = Int(parts[1]),
              (0...24).contains(hour), (0...59).contains(minute), hour < 24 || minute == 0
        else { throw SettingError(message: "bad time '" + text + "': expected HH:MM from 00:00 to 24:00") }
        return hour * 60 + minute
    }

    static func clockText(_ minute: Int) -> String {
        func twoDigits(_ value: Int) -> String { (value < 10 ? "0" : "") + String(value) }
        return twoDigits(minute / 60) + ":" + twoDigits(minute % 60)
    }
}
