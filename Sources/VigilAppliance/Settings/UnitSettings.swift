import VigilCore
import VigilDevices
import VigilEvidence

/// The `[camera]`, `[store]` and `[unit]` sections: where frames come from, where clips go and
/// how the daemon reports. Each key's default and meaning is in `defaultsText`.
public struct UnitSettings: Sendable {
    public var camera = CameraRequest()
    public var cameraTimeoutMilliseconds = 2000
    public var storeDirectory = "/var/lib/vigil/clips"
    public var recipients: [String] = ["/etc/vigil/reviewers/reviewer-a.pub", "/etc/vigil/reviewers/reviewer-b.pub"]
    public var unitKey: String? = nil
    public var storage = StoragePolicy()
    public var syncEvery = 8
    public var preRollMilliseconds = 5000
    public var postRollMilliseconds = 3000
    public var ringBytes = 8 << 20
    public var writeQueueBytes = 4 << 20
    public var jpegQuality = 80
    /// JPEG encoding and the pre-event ring on a second thread: nil decides by the CPUs the
    /// process may use (a thread only with two or more).
    public var evidenceThread: Bool? = nil
    public var statusFile = "/run/vigil/status.json"
    public var watchdog: String? = nil
    /// Feed the watchdog only while frames arrive, so a stalled camera or a hung pipeline reboots the unit.
    public var watchdogNeedsFrames = true
    /// Seconds the watchdog waits for a feed; 0 keeps the driver's.
    public var watchdogTimeoutSeconds = 60
    public var logLevel = "info"
    public var syslog = true
    /// The daemon's recent log lines, for the maintenance shell's `log` (kept small: rotated at 64 KB).
    public var logFile: String? = "/run/vigil/vigil.log"
    /// Every command typed in the maintenance shell, with the time.
    public var auditLog = "/var/lib/vigil/audit.log"

    public init() {}

    public static let sections = [
        ConfigSection(name: "camera", keys: ["device", "size", "format", "fps", "buffers", "timeout_ms"]),
        ConfigSection(name: "store", keys: ["directory", "recipients", "unit_key", "quota_percent", "quota_bytes", "retention_hours",
                                            "sync_every", "pre_roll_ms", "post_roll_ms", "ring_bytes", "write_queue_bytes", "jpeg_quality",
                                            "evidence_thread"]),
        ConfigSection(name: "unit", keys: ["status_file", "watchdog", "watchdog_needs_frames", "watchdog_timeout_s", "log_level", "syslog", "log_file", "audit_log"]),
    ]

    public static let logLevels = ["error", "warning", "notice", "info", "debug"]

    public mutating func apply(_ file: ConfigFile) -> [ConfigError] {
        var errors: [ConfigError] = []
        for section in UnitSettings.sections {
            for line in file.lines(in: section.name) {
                if let reason = set(section: section.name, line.key, line.value) { errors.append(ConfigError(line: line.number, reason: reason)) }
            }
        }
        return errors
    }

    /// Sets one key; returns why the value was refused, or nil.
    @_optimize(size)
    public mutating func set(section: String, _ key: String, _ value: String) -> String? {
        switch (section, key) {
        case ("camera", "device"):
            guard value.hasPrefix("/") else {
                return "device '" + value + "': expected the camera's device node, e.g. /dev/video0, or recorded footage, /path/to/file.y4m"
            }
            camera.device = value
        case ("camera", "size"):
            guard let size = FrameSize(value) else { return "size '" + value + "': expected WIDTHxHEIGHT with even numbers, e.g. 640x480" }
            camera.width = size.width
            camera.height = size.height
        case ("camera", "format"):
            if value == "auto" { camera.fourcc = nil; return nil }
            guard let fourcc = FourCC(value) else { return "format '" + value + "': expected auto or a four-character code such as YUYV, NV12, GREY, MJPG" }
            camera.fourcc = fourcc
        case ("camera", "fps"): return Self.integer(key, value, 1...120, into: &camera.framesPerSecond)
        case ("camera", "buffers"): return Self.integer(key, value, 2...32, into: &camera.buffers)
        case ("camera", "timeout_ms"): return Self.integer(key, value, 100...60_000, into: &cameraTimeoutMilliseconds)
        case ("store", "directory"):
            guard value.hasPrefix("/") else { return "directory '" + value + "': expected an absolute path on the flash, e.g. /var/lib/vigil/clips" }
            storeDirectory = value
        case ("store", "recipients"):
            let paths = value.split(separator: ",").map { String($0) }
            guard paths.count >= 2 else {
                return "recipients '" + value + "': expected two or more reviewers' public key files, separated by commas (any two open a clip)"
            }
            recipients = paths
        case ("store", "unit_key"): unitKey = value
        case ("store", "quota_percent"): return Self.integer(key, value, 0...100, into: &storage.quotaPercent)
        case ("store", "quota_bytes"): return Self.integer(key, value, 0...(1 << 50), into: &storage.quotaBytes)
        case ("store", "retention_hours"):
            var hours = 0
            guard let problem = Self.integer(key, value, 0...100_000, into: &hours) else {
                storage.retentionMilliseconds = Int64(hours) * 3_600_000
                return nil
            }
            return problem
        case ("store", "sync_every"): return Self.integer(key, value, 1...100_000, into: &syncEvery)
        case ("store", "pre_roll_ms"): return Self.integer(key, value, 0...30_000, into: &preRollMilliseconds)
        case ("store", "post_roll_ms"): return Self.integer(key, value, 0...60_000, into: &postRollMilliseconds)
        case ("store", "ring_bytes"): return Self.integer(key, value, (256 << 10)...(256 << 20), into: &ringBytes)
        case ("store", "write_queue_bytes"): return Self.integer(key, value, (256 << 10)...(256 << 20), into: &writeQueueBytes)
        case ("store", "jpeg_quality"): return Self.integer(key, value, 10...100, into: &jpegQuality)
        case ("store", "evidence_thread"):
            if value == "auto" { evidenceThread = nil; return nil }
            guard let flag = ConfigValue.flag(value) else { return "evidence_thread '" + value + "': expected auto, yes or no" }
            evidenceThread = flag
        case ("unit", "status_file"):
            guard value.hasPrefix("/") else { return "status_file '" + value + "': expected an absolute path, e.g. /run/vigil/status.json" }
            statusFile = value
        case ("unit", "watchdog"):
            if value == "none" { watchdog = nil; return nil }
            guard value.hasPrefix("/") else { return "watchdog '" + value + "': expected none or the watchdog device, e.g. /dev/watchdog" }
            watchdog = value
        case ("unit", "watchdog_needs_frames"): return Self.flag(key, value, into: &watchdogNeedsFrames)
        case ("unit", "watchdog_timeout_s"): return Self.integer(key, value, 0...3600, into: &watchdogTimeoutSeconds)
        case ("unit", "log_level"):
            guard UnitSettings.logLevels.contains(value) else { return "log_level '" + value + "': expected one of " + commaSeparated(UnitSettings.logLevels) }
            logLevel = value
        case ("unit", "syslog"): return Self.flag(key, value, into: &syslog)
        case ("unit", "log_file"):
            if value == "none" { logFile = nil; return nil }
            guard value.hasPrefix("/") else { return "log_file '" + value + "': expected none or an absolute path, e.g. /run/vigil/vigil.log" }
            logFile = value
        case ("unit", "audit_log"):
            guard value.hasPrefix("/") else { return "audit_log '" + value + "': expected an absolute path, e.g. /var/lib/vigil/audit.log" }
            auditLog = value
        default:
            let known = UnitSettings.sections.first { $0.name == section }?.keys ?? []
            return "unknown key '" + key + "' in [" + section + "] (known: " + commaSeparated(known) + ")"
        }
        return nil
    }

    /// `ConfigValue`'s parsing, with the reason a technician reads when it refuses.
    // `inout`, not a closure to store the value: the optimiser copied a closure-taking helper
    // for each caller (27 copies, 31 KB of the firmware).
    private static func integer(_ key: String, _ value: String, _ range: ClosedRange<Int>, into setting: inout Int) -> String? {
        guard let number = ConfigValue.integer(value, in: range) else {
            return key + " '" + value + "': expected a whole number from \(range.lowerBound) to \(range.upperBound)"
        }
        setting = number
        return nil
    }

    private static func flag(_ key: String, _ value: String, into setting: inout Bool) -> String? {
        guard let flag = ConfigValue.flag(value) else { return key + " '" + value + "': expected yes or no" }
        setting = flag
        return nil
    }

    /// The three sections with every key at its default, each with what it means.
    @_optimize(size)
    public static func defaultsText() -> String {
        let d = UnitSettings()
        return """
            [camera]
            # the V4L2 capture node; or a .y4m file, played in real time as recorded footage (the unit stops at its end)
            device = \(d.camera.device)
            # the frame size asked of the driver (it may pick the nearest it has)
            size = \(d.camera.width)x\(d.camera.height)
            # auto: the first of YUYV, NV12, YU12, GREY the camera offers, else any format libv4lconvert converts
            format = auto
            # frames per second, set explicitly (VIDIOC_S_PARM); a source with a fixed rate keeps its own
            fps = \(d.camera.framesPerSecond)
            # driver buffers streamed by mmap (2 to 32); each holds a frame (0.6 MB at 640x480 YUYV). More ride out
            # a longer stall of the unit: raise it when the status file's fewest_buffers_to_fill reaches 0
            buffers = \(d.camera.buffers)
            # no frame for this long: the camera is lost; the unit closes the clip and reconnects with backoff
            timeout_ms = \(d.cameraTimeoutMilliseconds)

            [store]
            # where the encrypted clips are written: local flash only
            directory = \(d.storeDirectory)
            # the reviewers' public keys (vigil keygen), two or more: any two of them together open a clip
            recipients = \(d.recipients.joined(separator: ","))
            # the unit's signing key, made at first start (default: unit.key in the directory)
            # unit_key = /var/lib/vigil/clips/unit.key
            # keep the clips under this share of the filesystem, and under quota_bytes if that is not 0
            quota_percent = \(d.storage.quotaPercent)
            quota_bytes = \(d.storage.quotaBytes)
            # clips older than this are deleted unless held (0 keeps them until space runs short)
            retention_hours = \(d.storage.retentionMilliseconds / 3_600_000)
            # fsync the open clip every N frames: a power cut loses at most N frames
            sync_every = \(d.syncEvery)
            # the pre-event ring: this much time before an event goes into its clip; post-roll after the event
            pre_roll_ms = \(d.preRollMilliseconds)
            post_roll_ms = \(d.postRollMilliseconds)
            # memory for the pre-event ring, and for frames waiting for the flash (full: frames dropped and counted)
            ring_bytes = \(d.ringBytes)
            write_queue_bytes = \(d.writeQueueBytes)
            # JPEG quality of the recorded (redacted) frames, 10 to 100
            jpeg_quality = \(d.jpegQuality)
            # encode and keep frames on a second thread, so capture and analysis go on meanwhile; one
            # frame more in memory; auto: only when the unit may use two or more CPUs (auto, yes or no)
            evidence_thread = auto

            [unit]
            # rewritten about once a second for vigil diag
            status_file = \(d.statusFile)
            # the hardware watchdog device, or none
            watchdog = none
            # yes: fed only while frames arrive, so a stalled camera or a hung unit is rebooted
            watchdog_needs_frames = yes
            # seconds without a feed before the watchdog reboots the unit (0: the driver's own)
            watchdog_timeout_s = \(d.watchdogTimeoutSeconds)
            # error, warning, notice, info or debug
            log_level = \(d.logLevel)
            # also log to syslog (/dev/log), besides stderr
            syslog = yes
            # the recent log lines the maintenance shell's 'log' shows (rotated at 64 KB), or none
            log_file = \(d.logFile ?? "none")
            # every command typed in the maintenance shell, with the time
            audit_log = \(d.auditLog)

            """
    }
}
