import VigilCore

/// The daemon's status file (`UnitStatus.rendered`) read back, and what it means.
public struct DaemonStatusReport: Sendable {
    public let document: JSONValue
    /// How old the file is: the daemon rewrites it about once a second.
    public let ageMilliseconds: Int

    public init(document: JSONValue, ageMilliseconds: Int) {
        self.document = document
        self.ageMilliseconds = ageMilliseconds
    }

    public var state: String { document["state"]?.string ?? "" }
    public var rateHundredths: Int? { document["camera"]?["fps"]?.scaled(fractionDigits: 2) }
    public var brightness: Int? { document["analysis"]?["brightness"]?.integer }
    public var sharpnessTenths: Int? { document["analysis"]?["sharpness"]?.scaled(fractionDigits: 1) }
    public var tamperCondition: String { document["analysis"]?["tamper_condition"]?.string ?? "" }
    public var cameraMode: String { document["camera"]?["mode"]?.string ?? "" }

    /// The file is considered stale after this long: the daemon stopped or hangs.
    public static let staleMilliseconds = 10_000

    /// The daemon said it stopped, or has not written the file for too long.
    public var isRunning: Bool { state != "stopped" && ageMilliseconds <= DaemonStatusReport.staleMilliseconds }

    /// Running, recording or refused, the frame path's figures and the last event.
    public func checks() -> [DiagnosticCheck] {
        var checks: [DiagnosticCheck] = []
        if isRunning {
            checks.append(.ok("daemon", "running", state + ", up \(document["uptime_s"]?.integer ?? 0) s"))
        } else {
            let why = state == "stopped" ? "stopped" : "no status for \(ageMilliseconds / 1000) s"
            checks.append(DiagnosticCheck("daemon", "running", .fail, why,
                                          hint: "the unit is not watching: see 'log' for why it stopped, then reboot or ask the integrator to start the service"))
            return checks
        }
        if state == "camera_lost" {
            let error = document["camera"]?["last_error"]?.string ?? ""
            checks.append(DiagnosticCheck("daemon", "camera", .fail, "lost for \(document["camera"]?["lost_for_s"]?.integer ?? 0) s: " + error,
                                          hint: "the unit retries by itself: check the camera cable and power; 'diag' again once it is back"))
        }
        let frames = document["camera"]?["frames"]?.integer ?? 0
        let driverDrops = document["camera"]?["driver_drops"]?.integer ?? 0
        let settlingDrops = document["camera"]?["settling_drops"]?.integer ?? 0
        let steadyDrops = driverDrops - settlingDrops
        let ms = document["analysis"]?["ms_per_frame"]?.scaled(fractionDigits: 2) ?? 0
        let figures = "\(frames) frames, " + decimalText(ms, fractionDigits: 2) + " ms a frame, \(steadyDrops) dropped by the driver"
            + (settlingDrops > 0 ? " (and \(settlingDrops) while the stream settled)" : "")
        // The first frame of a stream searches the whole picture for faces: drops then are expected.
        if frames > 0 && steadyDrops * 100 > frames {
            // Whether the driver ever went without a buffer tells whose the drops are.
            let fewestToFill = document["camera"]?["fewest_buffers_to_fill"]?.integer ?? -1
            let hint = fewestToFill > 0
                ? "more than 1 % of the frames were skipped by the camera while it had buffers to fill: the unit kept up; check the camera's cable and power, and its driver in dmesg"
                : "more than 1 % of the frames were dropped: the board cannot keep up; lower [camera] fps or size, or raise [camera] buffers if it falls behind only now and then"
            checks.append(DiagnosticCheck("daemon", "frames", .warn, figures, hint: hint))
        } else {
            checks.append(.ok("daemon", "frames", figures))
        }
        let queueDropped = document["write_queue"]?["dropped"]?.integer ?? 0
        let queue = "\(document["write_queue"]?["frames"]?.integer ?? 0) frames waiting (peak \((document["write_queue"]?["peak_bytes"]?.integer ?? 0) / 1024) KB), \(queueDropped) dropped"
        if queueDropped > 0 {
            checks.append(DiagnosticCheck("daemon", "write queue", .warn, queue,
                                          hint: "the flash could not keep up with a clip and frames were left out of it: check 'write + fsync' above; raise [store] write_queue_bytes"))
        } else {
            checks.append(.ok("daemon", "write queue", queue))
        }
        let refused = document["storage"]?["refused"]?.string ?? ""
        let failure = document["storage"]?["failure"]?.string ?? ""
        if !refused.isEmpty {
            checks.append(DiagnosticCheck("daemon", "recording", .fail, "refused: " + refused,
                                          hint: "the unit watches and alarms but keeps no clip: install two reviewers' public keys and restart the unit"))
        } else if !failure.isEmpty {
            checks.append(DiagnosticCheck("daemon", "recording", .fail, "stopped: " + failure, hint: "check the storage checks above, then restart the unit"))
        } else {
            let recording = document["storage"]?["recording"]?.bool ?? false
            checks.append(.ok("daemon", "recording", (recording ? "recording now, " : "ready, ") + "\(document["storage"]?["clips_written"]?.integer ?? 0) clips written since start"))
        }
        let last = document["events"]?["last"]?.string ?? ""
        checks.append(.ok("daemon", "last event", last.isEmpty ? "none since start" : last))
        return checks
    }
}
