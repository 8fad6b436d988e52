import Testing
import VigilAnalysis
import VigilUnit

/// Day windows as the configuration file writes them: parsed, judged at their edges, refused
/// with a reason, and written back.
@Suite struct WeeklyScheduleTests {
    static let monday = 0, friday = 4, saturday = 5, sunday = 6

    func schedule(_ lines: [String]) throws -> WeeklySchedule {
        var schedule = WeeklySchedule(windows: [])
        for line in lines { try schedule.add(parsing: line) }
        return schedule
    }

    func refusal(_ line: String) -> String? {
        var schedule = WeeklySchedule(windows: [])
        do throws(SettingError) { try schedule.add(parsing: line) } catch { return error.message }
        return nil
    }

    @Test func theDefaultIsSevenToEightEveryDay() {
        let schedule = WeeklySchedule()
        #expect(schedule.description == "mon-sun 07:00-20:00")
        for day in 0...6 {
            #expect(!schedule.isDay(weekday: day, minuteOfDay: 7 * 60 - 1))
            #expect(schedule.isDay(weekday: day, minuteOfDay: 7 * 60))
            #expect(schedule.isDay(weekday: day, minuteOfDay: 20 * 60 - 1))
            #expect(!schedule.isDay(weekday: day, minuteOfDay: 20 * 60), "the end minute is night")
        }
    }

    @Test func rangesSingleDaysAndWholeDays() throws {
        let schedule = try schedule(["mon-fri 07:00-19:00", "sat 09:00-14:00", "sun 00:00-24:00"])
        #expect(schedule.isDay(weekday: Self.monday, minuteOfDay: 7 * 60))
        #expect(schedule.isDay(weekday: Self.friday, minuteOfDay: 18 * 60 + 59))
        #expect(!schedule.isDay(weekday: Self.friday, minuteOfDay: 19 * 60))
        #expect(!schedule.isDay(weekday: Self.saturday, minuteOfDay: 8 * 60 + 59))
        #expect(schedule.isDay(weekday: Self.saturday, minuteOfDay: 9 * 60))
        #expect(!schedule.isDay(weekday: Self.saturday, minuteOfDay: 14 * 60))
        #expect(schedule.isDay(weekday: Self.sunday, minuteOfDay: 0))
        #expect(schedule.isDay(weekday: Self.sunday, minuteOfDay: 24 * 60 - 1))
        #expect(schedule.description == "mon-fri 07:00-19:00\nsat 09:00-14:00\nsun 00:00-24:00")
    }

    @Test func aRangeOfDaysMayWrapOverSunday() throws {
        let schedule = try schedule(["fri-mon 10:00-12:00"])
        for day in [4, 5, 6, 0] { #expect(schedule.isDay(weekday: day, minuteOfDay: 11 * 60), "day \(day) is in fri-mon") }
        for day in [1, 2, 3] { #expect(!schedule.isDay(weekday: day, minuteOfDay: 11 * 60), "day \(day) is not") }
        #expect(schedule.description == "fri-mon 10:00-12:00")
    }

    @Test func everyRenderedWindowParsesBackToItself() throws {
        let original = try schedule(["tue 00:00-00:01", "sat-sun 23:59-24:00", "wed-tue 12:30-13:45"])
        let lines = original.description.split(separator: "\n").map(String.init)
        #expect(try schedule(lines) == original)
    }

    @Test func mistakesAreRefusedWithWhatToWrite() {
        let crossing = refusal("mon-fri 22:00-06:00")
        #expect(crossing == "the window 22:00-06:00 crosses midnight, which a window may not; write it as two: 'mon-fri 22:00-24:00' and 'tue-sat 00:00-06:00'")
        #expect(refusal("sun 22:00-06:00")?.hasSuffix("'sun 22:00-24:00' and 'mon 00:00-06:00'") == true, "the morning after Sunday is Monday")
        #expect(refusal("mon 08:00-08:00")?.contains("is empty") == true)
        #expect(refusal("monday 08:00-09:00") == "unknown day 'monday' (known: mon, tue, wed, thu, fri, sat, sun)")
        #expect(refusal("mon-tue-wed 08:00-09:00")?.hasPrefix("bad days 'mon-tue-wed'") == true)
        #expect(refusal("mon 8:00-09:00") == "bad time '8:00': expected HH:MM from 00:00 to 24:00")
        #expect(refusal("mon 08:00-24:01")?.hasPrefix("bad time '24:01'") == true)
        #expect(refusal("mon 08:60-09:00")?.hasPrefix("bad time '08:60'") == true)
        #expect(refusal("mon +8:00-09:00")?.hasPrefix("bad time '+8:00'") == true)
        #expect(refusal("mon 08:00")?.hasPrefix("bad hours '08:00'") == true)
        #expect(refusal("mon")?.hasPrefix("expected days and hours") == true)
        #expect(refusal("mon 08:00-09:00 extra")?.hasPrefix("expected days and hours") == true)
    }

    @Test func theNumberOfWindowsIsBounded() throws {
        var schedule = WeeklySchedule(windows: [])
        for _ in 0..<WeeklySchedule.maximumWindows { try schedule.add(parsing: "mon 08:00-09:00") }
        #expect(throws: SettingError.self) { try schedule.add(parsing: "mon 10:00-11:00") }
        #expect(schedule.windows.count == WeeklySchedule.maximumWindows)
    }
}
