import Testing
import VigilDevices

/// Central European time from its POSIX rule alone, as on the firmware (no zoneinfo files).
/// Whatever sets TZ in the tests (this, the self-check) sets this same rule.
@Suite struct LocalTime {
    @Test func centralEuropeanSummerAndWinterTimeAndTheSwitch() {
        LocalTimeZone.set(posixTZ: "CET-1CEST,M3.5.0,M10.5.0/3")

        let summer = LocalTimeZone.civilTime(epochSeconds: 1_782_907_200)  // 2026-07-01 12:00 UTC
        #expect(summer == CivilTime(year: 2026, month: 7, day: 1, hour: 14, minute: 0, second: 0, weekday: 2))
        #expect(summer.minuteOfDay == 14 * 60)
        #expect(summer.description == "2026-07-01 14:00:00")

        let winter = LocalTimeZone.civilTime(epochSeconds: 1_796_212_800)  // 2026-12-02 12:00 UTC
        #expect(winter == CivilTime(year: 2026, month: 12, day: 2, hour: 13, minute: 0, second: 0, weekday: 2))

        // Sunday 2026-03-29 01:00 UTC the clocks jump from 02:00 CET to 03:00 CEST.
        let before = LocalTimeZone.civilTime(epochSeconds: 1_774_745_999)
        let after = LocalTimeZone.civilTime(epochSeconds: 1_774_746_000)
        #expect(before.description == "2026-03-29 01:59:59")
        #expect(after.description == "2026-03-29 03:00:00")
        #expect(after.weekday == 6)
        #expect(after.minuteOfDay == 180)
    }
}
