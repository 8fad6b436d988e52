import VigilAppliance
import VigilCore
import VigilDevices
import VigilDiagnostics

let diagCommand = Command(
    spec: CommandSpec(
        name: "diag", summary: "the technician's checks: camera, lights, storage, keys, clock, system, daemon - each OK, WARN or FAIL",
        options: [
            OptionSpec("config", value: "FILE", help: "the configuration (default /etc/vigil/vigil.conf)"),
            OptionSpec("json", help: "one JSON document with the same checks, for tooling"),
            OptionSpec("lamp-test", help: "also light each output in turn for a second, to be watched, then give the lines back"),
            OptionSpec("quick", help: "skip the slow probes: the 2 s frame-rate measurement and the flash write + fsync"),
        ],
        details: """
            Every check prints OK, WARN or FAIL, what was found and, unless OK, what to do. The
            exit status is 1 when any check failed, 0 otherwise (warnings included).
            While the daemon runs it holds the camera and the lines: the camera's frame rate,
            brightness, sharpness and tamper state then come from its status file, and the lamp
            test is done by the daemon, which afterwards shows its own state again. When it does
            not run, diag streams from the camera itself for 2 s and drives the lines itself.
            Nothing here shows a picture or opens a clip: 'vigil snapshot' gives a redacted one.
            """),
    run: { arguments throws(UsageError) in
        let path = arguments.value("config") ?? "/etc/vigil/vigil.conf"
        var report = DiagnosticReport(unit: hostName(), version: VigilVersion.build, epochMilliseconds: wallClockMilliseconds())
        let configuration: UnitConfiguration
        if let parsed = vigil.configuration(fromFile: path, command: "diag") {
            configuration = parsed
            report.add(.ok("config", "file", path))
        } else {
            configuration = UnitConfiguration()
            report.add(DiagnosticCheck("config", "file", .fail, path + " has mistakes (above); the checks below use the defaults",
                                       hint: "run 'vigil config check " + path + "' and correct the lines it names"))
        }
        LocalTimeZone.set(posixTZ: configuration.policy.timeZone)
        let daemon = DaemonStatusProbe.read(configuration.unit.statusFile)
        let quick = arguments.flag("quick")
        report.add(CameraProbe(configuration: configuration, daemon: daemon, quick: quick).checks())
        report.add(LightsProbe(configuration: configuration, daemon: daemon).checks(lampTest: arguments.flag("lamp-test"), narrate: !arguments.flag("json")))
        let storage = StorageProbe(configuration.unit)
        report.add(storage.checks(quick: quick))
        report.add(KeysProbe(configuration.unit).checks())
        report.add(ClockProbe.checks(newestClipStart: storage.newestClipStart, auditLog: configuration.unit.auditLog))
        report.add(SystemProbe.checks())
        report.add(DaemonStatusProbe.checks(daemon, statusFile: configuration.unit.statusFile))
        print(arguments.flag("json") ? report.json : report.text, terminator: "")
        return report.exitStatus
    })

/// The daemon's status file, if the daemon wrote one recently enough to be believed.
enum DaemonStatusProbe {
    static func read(_ path: String) -> DaemonStatusReport? {
        guard let bytes = try? FileSystem.readFile(path, limit: 1 << 16), case .success(let document) = JSONValue.parse(bytes),
              let modified = FileSystem.modifiedEpochMilliseconds(path) else { return nil }
        return DaemonStatusReport(document: document, ageMilliseconds: Int(max(0, wallClockMilliseconds() - modified)))
    }

    static func isRunning(_ report: DaemonStatusReport?) -> Bool { report?.isRunning ?? false }

    static func checks(_ report: DaemonStatusReport?, statusFile: String) -> [DiagnosticCheck] {
        guard let report else {
            return [DiagnosticCheck("daemon", "running", .fail, "no status file " + statusFile,
                                    hint: "the unit is not watching: start the service (/etc/init.d/S50vigil start or systemctl start vigil) and see 'log'")]
        }
        return report.checks()
    }
}
