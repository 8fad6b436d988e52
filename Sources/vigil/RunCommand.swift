import VigilAppliance
import VigilCore
import VigilDevices
import VigilEvidence
import VigilUnit

let runCommand = Command(
    spec: CommandSpec(
        name: "run", summary: "the unit: watch the camera, drive the lights, record encrypted event clips",
        options: [
            OptionSpec("config", value: "FILE", help: "the configuration (default /etc/vigil/vigil.conf; every key: vigil config --defaults)"),
        ],
        details: """
            Captures from [camera], analyses and redacts every frame, encodes it and keeps it in the
            pre-event ring; an event the policy records ([policy]: day and night windows) is written
            as an encrypted clip to [store] on a thread of its own, so a slow flash never stalls
            capture (frames the write queue cannot take are dropped and counted). Events are printed
            as JSON lines on stdout; the log goes to stderr and syslog. The status file ([unit]
            status_file) is rewritten about once a second for vigil diag.
            Signals: SIGTERM or SIGINT close the open clip, set every output to its safe state (off)
            and exit 0; SIGHUP reloads the policy and tamper settings (a file with mistakes is
            refused and the running settings kept).
            Without two valid reviewer keys ([store] recipients) the unit still watches and alarms
            but records nothing, says so in the log and the status file, and shows a fault on the
            status light. A missing or broken output line, tamper input or watchdog stops the start
            with a message (exit 1): the unit does not watch without its sign.
            """),
    run: { arguments throws(UsageError) in
        let path = arguments.value("config") ?? "/etc/vigil/vigil.conf"
        guard let configuration = configuration(fromFile: path, command: "run") else { return UsageError.exitStatus }
        return runUnit(configuration: configuration, path: path)
    })

private func runUnit(configuration: UnitConfiguration, path: String) -> Int32 {
    let unit = configuration.unit
    let log = SystemLog(identifier: "vigil", minimumLevel: LogLevel(name: unit.logLevel) ?? .info, toSyslog: unit.syslog && FileSystem.exists("/dev/log"),
                        file: unit.logFile)
    // Before any thread starts, so that every thread inherits the blocked signals.
    let signals: SignalWatch
    do throws(DeviceError) { signals = try SignalWatch() } catch {
        log.log(.error, error.message)
        return 1
    }
    LocalTimeZone.set(posixTZ: configuration.policy.timeZone)
    let lights: UnitLights
    let tamperInput: (any InputLine)?
    let watchdog: (any Watchdog)?
    do throws(DeviceError) {
        let outputs = configuration.outputs
        func output(_ role: LineRole) throws(DeviceError) -> (any OutputLine)? {
            guard let name = outputs.lineName(role) else { return nil }
            return try GPIOOutputLine(named: name, activeLow: outputs.isActiveLow(role))
        }
        lights = UnitLights(sign: try output(.sign), recording: try output(.recording), alarm: try output(.alarm), status: try output(.status))
        if let name = outputs.lineName(.tamper) {
            tamperInput = try GPIOInputLine(named: name, activeLow: outputs.isActiveLow(.tamper))
        } else {
            tamperInput = nil
        }
        watchdog = try unit.watchdog.map { path throws(DeviceError) in
            try DeviceWatchdog(path: path, timeout: unit.watchdogTimeoutSeconds > 0 ? unit.watchdogTimeoutSeconds : nil)
        }
    } catch {
        log.log(.error, error.message)
        return 1
    }
    var refusal: String? = nil
    var writer: ClipWriterThread? = nil
    switch openStore(unit) {
    case .success(let store):
        for outcome in store.recovered { log.log(.notice, "recovered " + outcome.description) }
        writer = ClipWriterThread(sink: StoreClipSink(store: store, epochMilliseconds: wallClockMilliseconds()), capacityBytes: unit.writeQueueBytes)
    case .failure(let refused):
        refusal = refused.reason
    }
    let clock = SystemClock()
    let camera: any Camera = unit.camera.device.hasSuffix(".y4m")
        ? RecordedFootageCamera(path: unit.camera.device, clock: clock) : V4L2StreamingCamera(request: unit.camera)
    let devices = UnitDevices(camera: camera, lights: lights, tamperInput: tamperInput, watchdog: watchdog,
                              clock: clock, control: signals, log: log)
    let daemon = UnitDaemon(
        configuration: configuration, devices: devices, calendar: SystemCalendar(), writer: writer, recordingRefused: refusal,
        statusFile: StatusFileWriter(path: unit.statusFile), announce: { print($0) },
        reload: {
            guard let fresh = reloadedConfiguration(path) else { return nil }
            LocalTimeZone.set(posixTZ: fresh.policy.timeZone)
            return fresh
        })
    return daemon.run()
}

private func reloadedConfiguration(_ path: String) -> UnitConfiguration? { configuration(fromFile: path, command: "run") }

/// The clip store with the reviewers' keys, or why the unit must not record.
private func openStore(_ unit: UnitSettings) -> Result<ClipStore, RecordingRefusal> {
    let recipients: [ReviewerPublicKey]
    switch KeyFiles.reviewerPublicKeys(unit.recipients) {
    case .success(let keys): recipients = keys
    case .failure(let error):
        return .failure(RecordingRefusal(reason: error.message + " (install the reviewers' public keys, vigil keygen, and list them in [store] recipients)"))
    }
    // Group vigil is the technician's shell: it lists and verifies clips and marks holds (the
    // frames are sealed to the reviewers; the signing key is 0600).
    do throws(DeviceError) { try FileSystem.makeDirectory(unit.storeDirectory, mode: 0o770) } catch { return .failure(RecordingRefusal(reason: error.message)) }
    do throws(StoreError) {
        return .success(try ClipStore(directory: unit.storeDirectory, unitKeyPath: unit.unitKey ?? unit.storeDirectory + "/" + ClipNames.unitKey,
                                      recipients: recipients, syncEvery: unit.syncEvery, policy: unit.storage))
    } catch {
        return .failure(RecordingRefusal(reason: error.message))
    }
}

/// Why the unit records nothing: said in the log and the status file.
private struct RecordingRefusal: Error {
    let reason: String
}

/// The system's clocks: wall time for clip headers, local time (the configured zone) for the schedule.
final class SystemCalendar: UnitCalendar {
    var epochMilliseconds: Int64 { wallClockMilliseconds() }
    var localWeekdayAndMinute: (weekday: Int, minute: Int) {
        let local = LocalTimeZone.now()
        return (local.weekday, local.minuteOfDay)
    }
}
