import CSystem
import VigilAnalysis
import VigilCore
import VigilDevices
import VigilEvidence
import VigilPrivacy
import VigilUnit

/// The devices the daemon drives, opened by the caller (real ones on the board, scripted ones
/// in tests). Outputs and inputs the configuration leaves out are nil.
public struct UnitDevices {
    public var camera: any Camera
    public var lights: UnitLights
    public var tamperInput: (any InputLine)?
    public var watchdog: (any Watchdog)?
    public var clock: any MonotonicClock
    public var control: any DaemonControl
    public var log: SystemLog

    public init(camera: any Camera, lights: UnitLights, tamperInput: (any InputLine)?, watchdog: (any Watchdog)?,
                clock: any MonotonicClock, control: any DaemonControl, log: SystemLog) {
        self.camera = camera
        self.lights = lights
        self.tamperInput = tamperInput
        self.watchdog = watchdog
        self.clock = clock
        self.control = control
        self.log = log
    }
}

/// Where the daemon's wall-clock facts come from: the system on the board, a script in tests.
public protocol UnitCalendar: AnyObject {
    var epochMilliseconds: Int64 { get }
    /// Weekday (0 = Monday) and minute of the day, local time.
    var localWeekdayAndMinute: (weekday: Int, minute: Int) { get }
}

/// `vigil run`: capture -> analyse -> redact -> encode -> pre-event ring -> clip writer thread,
/// with the policy deciding alarm and recording, the lamps following the unit's condition, the
/// camera reconnected when it goes away, the watchdog fed while frames flow, and the status
/// file rewritten about once a second.
public final class UnitDaemon {
    private var configuration: UnitConfiguration
    private let devices: UnitDevices
    private let calendar: any UnitCalendar
    private let writer: ClipWriterThread?
    private let reload: () -> UnitConfiguration?
    private let statusFile: StatusFileWriter?
    /// Events as JSON lines, for the console.
    private let announce: (String) -> Void
    public private(set) var status = UnitStatus()

    private var policy: EventPolicy
    private var alarm: AlarmTimer
    private let lightPolicy = LightPolicy()
    private var stopping = false
    private var startNanoseconds: Int64 = 0
    private var lastSequence: UInt32? = nil
    private var frameIndex = 0
    private var tamperActiveUntil = 0
    private var fault = false
    private var lampTest: LampTestSequence? = nil
    private let requests: UnitRequestFiles
    private var snapshotEncoder: RedactedJPEGEncoder? = nil

    /// `writer` is nil when recording was refused (no valid reviewer keys, no store): the unit
    /// still watches and alarms, and says why it does not record (`recordingRefused`).
    public init(configuration: UnitConfiguration, devices: UnitDevices, calendar: any UnitCalendar, writer: ClipWriterThread?,
                recordingRefused: String?, statusFile: StatusFileWriter?, announce: @escaping (String) -> Void,
                reload: @escaping () -> UnitConfiguration?) {
        self.configuration = configuration
        self.devices = devices
        self.calendar = calendar
        self.writer = writer
        self.reload = reload
        self.statusFile = statusFile
        self.announce = announce
        policy = EventPolicy(settings: configuration.policy)
        alarm = AlarmTimer(holdMilliseconds: configuration.policy.alarmHoldMilliseconds)
        status.recordingRefused = recordingRefused ?? ""
        status.camera = devices.camera.name
        status.processID = Int(getpid())
        requests = UnitRequestFiles(statusFile: configuration.unit.statusFile)
        fault = recordingRefused != nil
    }

    private var log: SystemLog { devices.log }
    private var now: Int { Int((devices.clock.nanoseconds - startNanoseconds) / 1_000_000) }

    /// Runs until SIGTERM/SIGINT; returns the exit status.
    @_optimize(size)
    public func run() -> Int32 {
        startNanoseconds = devices.clock.nanoseconds
        status.startedEpochMilliseconds = calendar.epochMilliseconds
        if let refusal = status.recordingRefused.isEmpty ? nil : status.recordingRefused {
            log.log(.error, "recording refused: " + refusal + "; the unit watches and alarms but keeps no clip")
        }
        if let writer, !writer.start() {
            log.log(.error, "cannot start the clip writer thread; nothing will be recorded")
            fault = true
        }
        log.log(.notice, "started: camera " + devices.camera.name + ", clips in " + configuration.unit.storeDirectory)
        var backoff = 1000
        while !stopping {
            handleRequests()
            if stopping { break }
            let mode: CameraMode
            do throws(DeviceError) {
                mode = try devices.camera.connect()
            } catch {
                cameraLost(error.message)
                pause(milliseconds: backoff)
                backoff = min(backoff * 2, 30_000)
                continue
            }
            backoff = 1000
            if status.cameraLostSince != nil {
                status.reconnects += 1
                log.log(.notice, "camera back: " + mode.description + " after \((now - (status.cameraLostSince ?? now)) / 1000) s")
                announceEvent("camera_back", detail: mode.description)
            } else {
                log.log(.info, "camera " + devices.camera.name + ": " + mode.description)
            }
            status.cameraLostSince = nil
            status.mode = mode.description
            status.state = "watching"
            stream(mode: mode)
            devices.camera.disconnect()
        }
        shutdown()
        return 0
    }

    /// Streams from a connected camera until it is lost or the daemon stops.
    private func stream(mode: CameraMode) {
        let pipeline: FramePipeline
        let evidence: EvidenceRecorder<ClipWriterThread>?
        var evidenceThread: EvidenceRecorderThread? = nil
        do throws(CascadeError) {
            pipeline = try FramePipeline(width: mode.width, height: mode.height, analysis: configuration.analysis, redaction: configuration.redaction)
        } catch {
            log.log(.error, "face detector: " + error.message)
            stopping = true
            return
        }
        if let writer {
            do throws(DeviceError) {
                let store = configuration.unit
                evidence = try EvidenceRecorder(sink: writer, preRollMilliseconds: store.preRollMilliseconds, postRollMilliseconds: store.postRollMilliseconds,
                                                ringBytes: store.ringBytes, quality: store.jpegQuality)
            } catch {
                log.log(.error, error.message)
                stopping = true
                return
            }
        } else {
            evidence = nil
        }
        if let evidence, configuration.unit.evidenceThread ?? (vigil_usable_cpus() > 1) {
            let thread = EvidenceRecorderThread(recorder: evidence, spare: RawFrame(width: mode.width, height: mode.height, format: mode.chroma))
            if thread.start() {
                evidenceThread = thread
            } else {
                log.log(.warning, "cannot start the evidence thread; frames are encoded on the capture thread")
            }
        }
        let stage: (any EvidenceStage)? = evidenceThread ?? evidence
        status.evidenceThread = evidenceThread != nil
        var intervalEvidence = stage?.work ?? (nanoseconds: 0, frames: 0)
        defer {
            evidenceThread?.stop()
            if let work = stage?.work {
                status.evidenceNanoseconds += work.nanoseconds
                status.evidenceFrames += work.frames
            }
            status.evidenceWaitNanoseconds += evidenceThread?.waitedNanoseconds ?? 0
        }
        let tamper = SceneTamperDetector(width: mode.width, height: mode.height, settings: configuration.tamper)
        var raw = RawFrame(width: mode.width, height: mode.height, format: mode.chroma)
        var recorded: [SceneEvent] = []
        var intervalFrames = 0, intervalNanoseconds: Int64 = 0, intervalStart = now, intervalWindows = 0
        var lastStatus = -1_000_000
        var firstOfStream = true
        status.isDay = dayNow()
        let streamStartFrame = frameIndex
        let streamStartMilliseconds = now
        lastSequence = nil
        while !stopping {
            handleRequests()
            if stopping { break }
            let sequence: UInt32
            do throws(CaptureError) {
                sequence = try raw.capture { frame throws(CaptureError) in
                    try devices.camera.capture(into: frame, timeoutMilliseconds: Int32(configuration.unit.cameraTimeoutMilliseconds))
                }
            } catch {
                switch error {
                case .corruptFrame:
                    status.corruptFrames += 1
                    log.log(.warning, error.message)
                    continue
                case .lost:
                    stage?.finish(atFrame: max(0, frameIndex - 1))
                    cameraLost(error.message)
                    return
                case .ended:
                    log.log(.notice, "the recorded footage ended; stopping")
                    stopping = true
                    continue
                }
            }
            let milliseconds = now
            // Until the background is learnt (a stream's first frames, which after a camera
            // reconnect or a stall may be seconds apart), every blob would be an event; and the
            // first frame's face search over the whole picture costs the driver frames.
            let settling = frameIndex - streamStartFrame < UnitDaemon.settleFrames || milliseconds - streamStartMilliseconds < UnitDaemon.settleMilliseconds
            if let last = lastSequence, sequence > last &+ 1 {
                status.driverDrops += Int(sequence &- last &- 1)
                if settling { status.driverDropsWhileSettling += Int(sequence &- last &- 1) }
            }
            lastSequence = sequence
            if !settling, let buffers = devices.camera.buffersToFill {
                status.driverBuffers = buffers.total
                status.fewestBuffersToFill = min(status.fewestBuffersToFill ?? buffers.queued, buffers.queued)
            }
            let started = devices.clock.nanoseconds
            let startedOnCPU = vigil_clock_nanoseconds(CLOCK_THREAD_CPUTIME_ID)
            let statusDue = milliseconds - lastStatus >= 1000
            if statusDue {
                status.brightness = SharpnessScore.meanLevel(raw.luma)
                status.sharpnessTenths = SharpnessScore.tenths(raw.luma)
            }
            let finding = tamper.observe(raw.luma, milliseconds: milliseconds)
            let redacted = pipeline.process(raw, frameIndex: frameIndex, milliseconds: milliseconds)
            // The schedule is in minutes: local time is looked up once a second, not per frame.
            let isDay = status.isDay
            recorded.removeAll(keepingCapacity: true)
            var kind: EventKind? = nil
            if settling {
                if !pipeline.events.isEmpty { log.log(.debug, "\(pipeline.events.count) event(s) ignored while the scene is learnt") }
            } else {
                announceSceneEvents(pipeline.events, isDay: isDay, milliseconds: milliseconds, recorded: &recorded, kind: &kind)
            }
            var tamperReason: String? = finding?.reason.name
            if tamperReason == nil, let input = devices.tamperInput {
                do throws(DeviceError) {
                    if try input.pendingEdges().contains(where: { $0.rising }) { tamperReason = "switch" }
                } catch {
                    log.log(.warning, "tamper input: " + error.message)
                }
            }
            if let reason = tamperReason {
                let response = policy.respond(to: .tamper, isDay: isDay)
                if response.alarm { alarm.trigger(atMilliseconds: milliseconds) }
                if response.record {
                    tamperActiveUntil = milliseconds + 1
                    kind = kind ?? .tamper
                }
                announceEvent("tamper", detail: reason, response: response)
            }
            if statusDue { serveSnapshotRequest(redacted) }
            if let stage {
                raw = stage.record(redacted, facts: EvidenceFrameFacts(index: frameIndex, milliseconds: milliseconds, captureMilliseconds: calendar.epochMilliseconds,
                                                                         recorded: recorded, people: pipeline.people, kind: kind,
                                                                         otherActivity: milliseconds < tamperActiveUntil))
                for failure in stage.takeFailures() { log.log(.error, "encoding: " + failure) }
                status.recording = stage.isRecording
            } else {
                raw = redacted.recycle()
            }
            let spent = devices.clock.nanoseconds - started
            intervalNanoseconds += spent
            // The first frame of a stream has its face search in full: timed apart.
            if firstOfStream {
                status.firstFrameNanoseconds = spent
                firstOfStream = false
            } else {
                status.frameNanoseconds += spent
                status.frameCPUNanoseconds += vigil_clock_nanoseconds(CLOCK_THREAD_CPUTIME_ID) - startedOnCPU
                status.steadyFrames += 1
            }
            intervalWindows += pipeline.windowsTried
            intervalFrames += 1
            frameIndex += 1
            status.frames += 1
            status.tamperCondition = tamper.condition?.name ?? ""
            if configuration.unit.watchdogNeedsFrames { feedWatchdog() }
            showLights()
            if statusDue {
                let elapsed = max(1, milliseconds - intervalStart)
                status.rateHundredths = intervalFrames * 100_000 / elapsed
                status.frameMillisecondsHundredths = intervalFrames > 0 ? Int(intervalNanoseconds / Int64(intervalFrames) / 10_000) : 0
                status.windowsPerFrame = intervalFrames > 0 ? intervalWindows / intervalFrames : 0
                if let work = stage?.work {
                    let frames = work.frames - intervalEvidence.frames
                    status.evidenceMillisecondsHundredths = frames > 0 ? Int((work.nanoseconds - intervalEvidence.nanoseconds) / Int64(frames) / 10_000) : 0
                    intervalEvidence = work
                }
                intervalFrames = 0
                intervalNanoseconds = 0
                intervalWindows = 0
                intervalStart = milliseconds
                lastStatus = milliseconds
                status.isDay = dayNow()
                writeStatus()
            }
        }
        stage?.finish(atFrame: max(0, frameIndex - 1))
        status.recording = false
    }

    /// Frames and time a stream's analysis learns the scene before its events count.
    static let settleFrames = 10
    static let settleMilliseconds = 2000

    /// Applies the policy to the analysis' events: alarm, record, announce.
    @_optimize(size)
    private func announceSceneEvents(_ events: [SceneEvent], isDay: Bool, milliseconds: Int, recorded: inout [SceneEvent], kind: inout EventKind?) {
        for event in events {
            let response = policy.respond(to: event.kind == .fall ? .fall : .motion, isDay: isDay)
            if response.alarm { alarm.trigger(atMilliseconds: milliseconds) }
            if response.record {
                recorded.append(event)
                if kind != .fall { kind = event.kind == .fall ? .fall : .motion }
            }
            announceEvent(event.kindName, detail: "track \(event.trackID) at [\(event.box.minX),\(event.box.minY),\(event.box.width),\(event.box.height)]",
                          response: response)
        }
    }

    @_optimize(size)
    private func cameraLost(_ message: String) {
        if status.cameraLostSince == nil {
            status.cameraLostSince = now
            log.log(.error, "camera lost: " + message + "; retrying with backoff")
            announceEvent("camera_lost", detail: message)
        }
        status.lastCameraError = message
        status.state = "camera_lost"
        status.recording = false
        showLights()
        writeStatus()
    }

    /// Waits between reconnection attempts, keeping the lamps blinking, the status current and
    /// the watchdog fed unless it is to see frames; returns early on a signal.
    private func pause(milliseconds: Int) {
        let until = now + milliseconds
        while !stopping && now < until {
            if devices.control.wait(milliseconds: max(0, min(100, until - now))) { handleRequests() }
            showLights()
            if !configuration.unit.watchdogNeedsFrames { feedWatchdog() }
        }
        writeStatus()
    }

    @_optimize(size)
    private func handleRequests() {
        for request in devices.control.pending() {
            switch request {
            case .terminate, .interrupt:
                log.log(.notice, "stopping on " + request.name)
                stopping = true
            case .hangup:
                guard let fresh = reload() else {
                    log.log(.error, "reload refused: the configuration has mistakes (see above); keeping the running one")
                    continue
                }
                configuration.policy = fresh.policy
                configuration.tamper = fresh.tamper
                configuration.unit.cameraTimeoutMilliseconds = fresh.unit.cameraTimeoutMilliseconds
                policy = EventPolicy(settings: fresh.policy)
                alarm = AlarmTimer(holdMilliseconds: fresh.policy.alarmHoldMilliseconds)
                log.log(.notice, "configuration reloaded: policy and tamper settings applied; camera, store and outputs apply at the next start")
            }
        }
    }

    private func dayNow() -> Bool {
        let local = calendar.localWeekdayAndMinute
        return configuration.policy.schedule.isDay(weekday: local.weekday, minuteOfDay: local.minute)
    }

    /// A technician asked for a picture to aim the camera: the frame just redacted, never a raw one.
    @_optimize(size)
    private func serveSnapshotRequest(_ frame: borrowing RedactedFrame) {
        guard FileSystem.exists(requests.snapshotRequest) else { return }
        _ = try? FileSystem.remove(requests.snapshotRequest)
        do throws(DeviceError) {
            let encoder: RedactedJPEGEncoder
            if let existing = snapshotEncoder {
                encoder = existing
            } else {
                encoder = try RedactedJPEGEncoder(quality: configuration.unit.jpegQuality)
                snapshotEncoder = encoder
            }
            let bytes = try encoder.encode(frame) { Array($0) }
            try FileSystem.writeAtomically(requests.snapshot, bytes, mode: 0o640, durable: false)
            log.log(.notice, "snapshot written for the technician: " + requests.snapshot + " (redacted)")
        } catch {
            log.log(.warning, "snapshot: " + error.message)
        }
    }

    private func startRequestedLampTest() {
        guard lampTest == nil, FileSystem.exists(requests.lampTestRequest) else { return }
        _ = try? FileSystem.remove(requests.lampTestRequest)
        lampTest = LampTestSequence(startMilliseconds: now)
        log.log(.notice, "lamp test: each output lit for 1 s in turn (sign, recording, alarm, status)")
    }

    @_optimize(size)
    private func showLights() {
        let condition = UnitCondition(watching: status.cameraLostSince == nil && !stopping, recording: status.recording,
                                      alarmActive: alarm.isActive(atMilliseconds: now), fault: fault || writer?.snapshot.failure != nil,
                                      cameraLost: status.cameraLostSince != nil)
        let pattern = lightPolicy.statusPattern(for: condition).name
        if pattern != status.statusPattern {
            log.log(.info, "status light: " + pattern)
            status.statusPattern = pattern
        }
        var wanted = lightPolicy.lights(for: condition, atMilliseconds: now)
        if let test = lampTest {
            if let tested = test.lights(wanted: wanted, atMilliseconds: now) {
                wanted = tested
            } else {
                lampTest = nil
                log.log(.notice, "lamp test done: the outputs show the unit's state again")
            }
        }
        devices.lights.show(wanted, report: reportLight)
        status.lights = devices.lights.states
    }

    private func reportLight(_ role: LineRole, _ name: String, _ state: Bool, _ error: DeviceError?) {
        if let error {
            log.log(.error, "light " + role.name + ": " + error.message)
        } else if role != .status {
            log.log(.info, "light: " + role.name + " (" + name + ") " + (state ? "on" : "off"))
        }
    }

    private func feedWatchdog() {
        guard let watchdog = devices.watchdog else { return }
        do throws(DeviceError) { try watchdog.feed() } catch { log.log(.error, "watchdog: " + error.message) }
    }

    @_optimize(size)
    private func announceEvent(_ kind: String, detail: String, response: EventResponse? = nil) {
        status.events += 1
        status.lastEvent = kind + ": " + detail
        status.lastEventEpochMilliseconds = calendar.epochMilliseconds
        var line = JSONLine()
        line.add("event", kind)
        line.add("t_ms", now)
        line.add("epoch_ms", Int(status.lastEventEpochMilliseconds))
        line.add("detail", detail)
        if let response {
            line.add("alarm", response.alarm)
            line.add("record", response.record && writer != nil)
        }
        announce(line.rendered)
        log.log(kind == "motion" ? .info : .notice, "event " + kind + ": " + detail)
    }

    @_optimize(size)
    private func writeStatus() {
        startRequestedLampTest()
        status.uptimeMilliseconds = now
        if let writer { status.queue = writer.snapshot }
        if let free = try? FileSystem.availableBytes(configuration.unit.storeDirectory),
           let total = try? FileSystem.filesystemBytes(configuration.unit.storeDirectory) {
            status.storageFreeBytes = Int64(free)
            status.storageTotalBytes = Int64(total)
        }
        status.watchdog = devices.watchdog == nil ? "none" : (configuration.unit.watchdogNeedsFrames ? "fed while frames flow" : "fed")
        guard let statusFile else { return }
        do throws(DeviceError) { try statusFile.write(status.rendered) } catch {
            log.log(.warning, "status file: " + error.message)
        }
    }

    @_optimize(size)
    private func shutdown() {
        status.state = "stopped"
        writer?.stop()
        if let writer { status.queue = writer.snapshot }
        if let failure = writer?.snapshot.failure { log.log(.error, "recording stopped: " + failure) }
        devices.lights.safeState(report: reportLight)
        status.lights = devices.lights.states
        status.statusPattern = "off"
        devices.watchdog?.disarm()
        writeStatus()
        let mean = status.steadyFrames > 0 ? Int(status.frameNanoseconds / Int64(status.steadyFrames) / 10_000) : 0
        let onCPU = status.steadyFrames > 0 ? Int(status.frameCPUNanoseconds / Int64(status.steadyFrames) / 10_000) : 0
        let first = Int(status.firstFrameNanoseconds / 1_000_000)
        var path = hundredths(mean) + " ms a frame (" + hundredths(onCPU) + " ms of CPU) to analyse, redact, encode and record"
        if status.evidenceThread {
            let evidence = status.evidenceFrames > 0 ? Int(status.evidenceNanoseconds / Int64(status.evidenceFrames) / 10_000) : 0
            let waited = status.steadyFrames > 0 ? Int(status.evidenceWaitNanoseconds / Int64(status.steadyFrames) / 10_000) : 0
            path = hundredths(mean) + " ms a frame (" + hundredths(onCPU) + " ms of CPU) to analyse and redact (of which " + hundredths(waited) + " ms waiting for the evidence thread), and on the evidence thread "
                + hundredths(evidence) + " ms to encode and record"
        }
        log.log(.notice, "stopped: \(status.frames) frames (" + path + "; the first, with its face search over the whole frame, \(first) ms), \(status.events) events, \(status.queue.clipsClosed) clips, \(status.queue.framesDropped) frames dropped by the write queue, \(status.driverDrops) by the driver"
            + (status.fewestBuffersToFill.map { " (which had at least \($0) of its \(status.driverBuffers) buffers to fill after the stream settled)" } ?? ""))
    }

    private func hundredths(_ value: Int) -> String {
        "\(value / 100).\(value % 100 / 10)\(value % 10)"
    }
}
