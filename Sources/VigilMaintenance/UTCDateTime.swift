import VigilCore

/// Calendar arithmetic in UTC without a calendar library, for `set-time`, `date` and the audit log.
public enum UTCDateTime {
    /// Seconds since 1970 for "YYYY-MM-DD" and "HH:MM:SS" in UTC, or nil unless both are
    /// exactly in that form and name a real moment from 2020 to 2099 (a clock set to 1970 or
    /// 2206 by a typo would put wrong times on every clip).
    public static func epochSeconds(date: String, time: String) -> Int64? {
        guard let dateParts = numbers(date, separator: 0x2d, widths: [4, 2, 2]),
              let timeParts = numbers(time, separator: 0x3a, widths: [2, 2, 2]) else { return nil }
        let (year, month, day) = (dateParts[0], dateParts[1], dateParts[2])
        let (hour, minute, second) = (timeParts[0], timeParts[1], timeParts[2])
        guard (2020...2099).contains(year), (1...12).contains(month), (1...daysIn(month: month, year: year)).contains(day),
              hour < 24, minute < 60, second < 60 else { return nil }
        return daysSinceEpoch(year: year, month: month, day: day) * 86_400 + hour * 3600 + minute * 60 + second
    }

    /// "2026-12-02T07:10:00Z".
    public static func timestamp(epochSeconds: Int64) -> String {
        String(utcTimestamp(milliseconds: epochSeconds * 1000).dropLast(5)) + "Z"
    }

    /// "2026-12-02 07:10:00", as `date` shows it next to the local time.
    public static func civil(epochSeconds: Int64) -> String {
        String(utcTimestamp(milliseconds: epochSeconds * 1000).dropLast(5)).replacingT()
    }

    /// Digit groups of exactly `widths` joined by `separator`.
    private static func numbers(_ text: String, separator: UInt8, widths: [Int]) -> [Int64]? {
        let groups = Array(text.utf8).split(separator: separator, omittingEmptySubsequences: false)
        guard groups.count == widths.count else { return nil }
        var values: [Int64] = []
        for (group, width) in zip(groups, widths) {
            guard group.count == width, group.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) else { return nil }
            values.append(group.reduce(0) { $0 * 10 + Int64($1 - 0x30) })
        }
        return values
    }

    private static func daysIn(month: Int64, year: Int64) -> Int64 {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    /// Howard Hinnant's days-from-civil, the inverse of the one behind `utcTimestamp`.
    static func daysSinceEpoch(year: Int64, month: Int64, day: Int64) -> Int64 {
        let shiftedYear = month <= 2 ? year - 1 : year
        let era = (shiftedYear >= 0 ? shiftedYear : shiftedYear - 399) / 400
        let yearOfEra = shiftedYear - era * 400
        let dayOfYear = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }
}

extension String {
    fileprivate func replacingT() -> String {
        String(decoding: utf8.map { $0 == 0x54 ? 0x20 : $0 }, as: UTF8.self)
    }
}
