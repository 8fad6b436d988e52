import VigilAppliance
import VigilCore
import VigilDevices
import VigilDiagnostics

let statusCommand = Command(
    spec: CommandSpec(
        name: "status", summary: "what the running unit is doing, from its status file: camera, events, outputs, storage",
        options: [
            OptionSpec("config", value: "FILE", help: "the configuration (default /etc/vigil/vigil.conf), for [unit] status_file"),
            OptionSpec("json", help: "the status file itself"),
        ],
        details: """
            Reads the file the daemon rewrites about once a second ([unit] status_file). Exit
            status 1 when there is none or it is older than 10 s: the daemon is not running.
            """),
    run: { arguments throws(UsageError) in
        let path = arguments.value("config") ?? "/etc/vigil/vigil.conf"
        guard let configuration = configuration(fromFile: path, command: "status") else { return UsageError.exitStatus }
        let file = configuration.unit.statusFile
        guard let report = DaemonStatusProbe.read(file) else {
            StandardStreams.writeError("vigil status: no readable status file " + file
                                       + "; the daemon is not running (start the service, see 'log' for why it stopped)")
            return 1
        }
        if arguments.flag("json") {
            if let bytes = try? FileSystem.readFile(file, limit: 1 << 16) { print(String(decoding: bytes, as: UTF8.self), terminator: "") }
        } else {
            print(StatusText.render(report.document, ageMilliseconds: report.ageMilliseconds), terminator: "")
        }
        return DaemonStatusProbe.isRunning(report) ? 0 : 1
    })

/// The status file as a technician reads it on a console: one line per part of the unit.
enum StatusText {
    static func render(_ status: JSONValue, ageMilliseconds: Int) -> String {
        func text(_ a: String, _ b: String) -> String { status[a]?[b]?.string ?? "" }
        func number(_ a: String, _ b: String) -> Int { status[a]?[b]?.integer ?? 0 }
        func fixed(_ a: String, _ b: String, _ digits: Int) -> String { decimalText(status[a]?[b]?.scaled(fractionDigits: digits) ?? 0, fractionDigits: digits) }
        func onOff(_ key: String) -> String { key + " " + ((status["outputs"]?[key]?.bool ?? false) ? "on" : "off") }
        var out = "unit     " + (status["state"]?.string ?? "?") + ", pid \(status["pid"]?.integer ?? 0), up " + ClockProbe.duration(status["uptime_s"]?.integer ?? 0)
        out += ageMilliseconds > DaemonStatusReport.staleMilliseconds ? " (status \(ageMilliseconds / 1000) s old: not running?)\n" : "\n"
        out += "camera   " + text("camera", "device") + " " + text("camera", "mode") + "\n"
        out += "         " + fixed("camera", "fps", 2) + " fps, \(number("camera", "frames")) frames, \(number("camera", "driver_drops")) dropped by the driver, "
            + "\(number("camera", "corrupt_frames")) corrupt, \(number("camera", "reconnects")) reconnects\n"
        let lastError = text("camera", "last_error")
        if !lastError.isEmpty { out += "         last error: " + lastError + "\n" }
        let tamper = text("analysis", "tamper_condition")
        let evidence = (status["analysis"]?["evidence_thread"]?.bool ?? false)
            ? " (and " + fixed("analysis", "evidence_ms_per_frame", 2) + " ms encoding and keeping it on the evidence thread)" : ""
        out += "analysis " + fixed("analysis", "ms_per_frame", 2) + " ms a frame" + evidence + ", brightness \(number("analysis", "brightness")), focus " + fixed("analysis", "sharpness", 1)
            + ", tamper " + (tamper.isEmpty ? "none" : tamper) + ", " + ((status["analysis"]?["day"]?.bool ?? true) ? "day" : "night") + "\n"
        let last = text("events", "last")
        out += "events   \(number("events", "count"))" + (last.isEmpty ? "" : ", last: " + last) + "\n"
        out += "outputs  " + onOff("sign") + ", " + onOff("recording") + ", " + onOff("alarm") + ", status " + text("outputs", "status") + "\n"
        let refused = text("storage", "refused")
        let recording = (status["storage"]?["recording"]?.bool ?? false) ? "recording" : "ready"
        out += "storage  " + (refused.isEmpty ? recording : "NOT RECORDING: " + refused) + ", \(number("storage", "clips_written")) clips written, "
            + StorageJudgement.megabytes(number("storage", "free_bytes")) + " free\n"
        out += "queue    \(number("write_queue", "frames")) frames waiting, \(number("write_queue", "dropped")) dropped\n"
        out += "watchdog " + (status["watchdog"]?.string ?? "") + "\n"
        return out
    }
}
