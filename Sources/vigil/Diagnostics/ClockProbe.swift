import VigilCore
import VigilDevices
import VigilDiagnostics

/// The clock: a sane time, not behind the clips, time since boot, and when it was last set.
enum ClockProbe {
    static func checks(newestClipStart: Int64?, auditLog: String) -> [DiagnosticCheck] {
        let now = wallClockMilliseconds()
        var checks = [ClockJudgement.wallClock(epochMilliseconds: now)]
        checks.append(.ok("clock", "local time", LocalTimeZone.now().description))
        checks.append(ClockJudgement.newestClip(startMilliseconds: newestClipStart, nowMilliseconds: now))
        if let uptime = BoardFacts.uptimeSeconds { checks.append(.ok("clock", "since boot", duration(uptime))) }
        checks.append(ClockJudgement.lastSet(synchronised: BoardFacts.clockSynchronised, lastSetText: lastSetTime(auditLog)))
        return checks
    }

    /// The maintenance shell audits `set-time`: its last accepted line.
    static func lastSetTime(_ auditLog: String) -> String {
        guard let bytes = try? FileSystem.readFile(auditLog, limit: 8 << 20) else { return "set-time never used (or the audit log is not readable)" }
        let lines = String(decoding: bytes, as: UTF8.self).split(separator: "\n")
        // `... "set-time 2026-12-02 07:10:00" -> ok (clock OLD -> NEW)`: the shell's AuditEntry.
        guard let last = lines.last(where: { String($0).includes("\"set-time ") && String($0).includes("\" -> ok") }) else { return "set-time never used" }
        return "last set-time at " + String(last.split(separator: " ").first ?? "")
    }

    static func duration(_ seconds: Int) -> String {
        let days = seconds / 86_400, hours = seconds / 3600 % 24, minutes = seconds / 60 % 60
        return (days > 0 ? "\(days) d " : "") + "\(hours) h \(minutes) min"
    }
}

/// The board: temperature, load, memory, uptime, firmware.
enum SystemProbe {
    static func checks() -> [DiagnosticCheck] {
        var checks: [DiagnosticCheck] = []
        let zone = BoardFacts.hottestZone
        checks.append(SystemJudgement.temperature(milliCelsius: zone?.milliCelsius, zone: zone?.zone ?? ""))
        if let load = BoardFacts.loadHundredths { checks.append(SystemJudgement.load(hundredths: load, processors: BoardFacts.processors)) }
        if let memory = BoardFacts.memory { checks.append(SystemJudgement.memory(availableKilobytes: memory.available, totalKilobytes: memory.total)) }
        if let uptime = BoardFacts.uptimeSeconds { checks.append(.ok("system", "uptime", ClockProbe.duration(uptime))) }
        checks.append(.ok("system", "firmware", "vigil " + VigilVersion.build))
        return checks
    }
}
