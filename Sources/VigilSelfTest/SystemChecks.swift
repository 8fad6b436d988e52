import VigilDevices

/// What the daemon's schedule and log rest on, checked in the static firmware itself: it has
/// no zoneinfo files, so local time must come from the POSIX rule alone.
let systemChecks: [SelfCheck] = [
    SelfCheck("system.local-time-from-a-posix-rule") { r in
        LocalTimeZone.set(posixTZ: "CET-1CEST,M3.5.0,M10.5.0/3")
        let summer = LocalTimeZone.civilTime(epochSeconds: 1_782_907_200)  // 2026-07-01 12:00 UTC
        r.expect(summer.description == "2026-07-01 14:00:00" && summer.weekday == 2, "summer time is UTC+2, a Wednesday (" + summer.description + ", day \(summer.weekday))")
        let winter = LocalTimeZone.civilTime(epochSeconds: 1_796_212_800)  // 2026-12-02 12:00 UTC
        r.expect(winter.description == "2026-12-02 13:00:00" && winter.minuteOfDay == 780, "winter time is UTC+1 (" + winter.description + ")")
    },
    SelfCheck("system.log-lines-by-level") { r in
        let memory = MemoryLogSink()
        let log = SystemLog(minimumLevel: .warning, sinks: [memory])
        log.log(.info, "frame 1000")
        log.log(.error, "camera lost")
        r.expect(memory.lines == ["vigil: error: camera lost"], "only the error, named and levelled (\(memory.lines.count) lines)")
    },
]
