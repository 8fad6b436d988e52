import CSystem
import VigilCore
import VigilDevices

/// The board's state as the kernel reports it, for `vigil diag`'s system and clock checks.
public enum BoardFacts {
    static func text(_ path: String) -> String? {
        guard let bytes = try? FileSystem.readPrefix(path, count: 65536) else { return nil }
        return String(decoding: bytes, as: UTF8.self)
    }

    public static var loadHundredths: Int? { text("/proc/loadavg").flatMap(ProcText.loadHundredths) }
    public static var processors: Int { max(1, Int(sysconf(Int32(_SC_NPROCESSORS_ONLN)))) }
    public static var uptimeSeconds: Int? { text("/proc/uptime").flatMap(ProcText.uptimeSeconds) }

    public static var memory: (available: Int, total: Int)? {
        guard let info = text("/proc/meminfo"), let total = ProcText.meminfoKilobytes(info, key: "MemTotal"),
              let available = ProcText.meminfoKilobytes(info, key: "MemAvailable") else { return nil }
        return (available, total)
    }

    /// The hottest of /sys/class/thermal/thermal_zone*, with its type.
    public static var hottestZone: (milliCelsius: Int, zone: String)? {
        let base = "/sys/class/thermal"
        guard let entries = try? FileSystem.list(base) else { return nil }
        var hottest: (milliCelsius: Int, zone: String)? = nil
        for entry in entries where entry.hasPrefix("thermal_zone") {
            guard let reading = text(base + "/" + entry + "/temp"), let milli = Int(reading.split(separator: "\n").first ?? "") else { continue }
            let type = text(base + "/" + entry + "/type").map { String($0.split(separator: "\n").first ?? "") } ?? entry
            if milli > (hottest?.milliCelsius ?? Int.min) { hottest = (milli, type) }
        }
        return hottest
    }

    public static func mount(of path: String) -> (mountPoint: String, type: String)? {
        text("/proc/self/mountinfo").flatMap { ProcText.mount(of: path, mountinfo: $0) }
    }

    /// Whether the kernel considers the clock synchronised (adjtimex: no STA_UNSYNC).
    public static var clockSynchronised: Bool { vigil_clock_synchronised() != 0 }
}
