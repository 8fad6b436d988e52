import Foundation
import Testing
import VigilAppliance
import VigilCore
import VigilDevices
import VigilEvidence
import VigilUnit

/// One daemon run on scripted devices: the fall scene through the whole path into a real clip
/// store in a temporary directory.
final class ScriptedUnit {
    let directory: TemporaryDirectory
    let reviewers = [ReviewerSecretKey.generate(), ReviewerSecretKey.generate(), ReviewerSecretKey.generate()]
    let clock = ManualClock()
    let camera: ScriptedCamera
    let control: ScriptedControl
    let sign = RecordingOutputLine(name: "vigil-sign"), recordingLamp = RecordingOutputLine(name: "vigil-recording")
    let alarm = RecordingOutputLine(name: "vigil-alarm"), status = RecordingOutputLine(name: "vigil-status")
    let tamperSwitch = ScriptedInputLine(name: "vigil-tamper")
    let watchdog = RecordingWatchdog()
    let log = MemoryLogSink()
    var announced: [String] = []
    var configuration = UnitConfiguration()
    var reloads: [UnitConfiguration?] = []
    private(set) var writer: ClipWriterThread?

    init(seconds: Int = 12) throws {
        directory = try TemporaryDirectory()
        camera = ScriptedCamera(seconds: seconds, clock: clock)
        control = ScriptedControl(clock: clock)
        camera.onEnd = { [control] in control.queued.append(.terminate) }
        configuration.unit.storeDirectory = directory.path + "/clips"
        configuration.unit.statusFile = directory.path + "/run/status.json"
        configuration.unit.preRollMilliseconds = 2000
        // The face detector is exercised by the redaction tests; in a debug build it would make
        // each of these runs take a minute.
        _ = configuration.redaction.set("redact", "heads,masks")
    }

    var clipsDirectory: String { configuration.unit.storeDirectory }

    @discardableResult
    func run(minuteOfDay: Int, record: Bool = true) throws -> (exit: Int32, status: UnitStatus) {
        var writer: ClipWriterThread? = nil
        if record {
            try FileManager.default.createDirectory(atPath: clipsDirectory, withIntermediateDirectories: true)
            let store = try ClipStore(directory: clipsDirectory, unitKeyPath: clipsDirectory + "/unit.key",
                                      recipients: reviewers.map { $0.publicKey }, syncEvery: 4, policy: StoragePolicy())
            writer = ClipWriterThread(sink: StoreClipSink(store: store, epochMilliseconds: 1_780_000_000_000), capacityBytes: 4 << 20)
        }
        self.writer = writer
        let devices = UnitDevices(camera: camera, lights: UnitLights(sign: sign, recording: recordingLamp, alarm: alarm, status: status),
                                  tamperInput: tamperSwitch, watchdog: watchdog, clock: clock, control: control,
                                  log: SystemLog(minimumLevel: .debug, sinks: [log]))
        let daemon = UnitDaemon(configuration: configuration, devices: devices, calendar: ScriptedCalendar(minute: minuteOfDay), writer: writer,
                                recordingRefused: record ? nil : "no reviewer keys", statusFile: StatusFileWriter(path: configuration.unit.statusFile),
                                announce: { self.announced.append($0) },
                                reload: { self.reloads.isEmpty ? nil : self.reloads.removeFirst() })
        let exit = daemon.run()
        return (exit, daemon.status)
    }

    func events(_ kind: String) -> [String] { announced.filter { $0.contains("\"event\":\"" + kind + "\"") } }

    var closedClips: [String] { directory.names("/clips").filter { $0.hasSuffix(ClipNames.closedSuffix) } }

    func openClip(_ name: String) throws -> OpenedClip {
        let bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: clipsDirectory + "/" + name)))
        switch ClipOpener.open(bytes, keys: [reviewers[0], reviewers[2]]) {
        case .success(let clip): return clip
        case .failure(let error): throw error
        }
    }
}

/// The `t_ms` of an announced event line.
func milliseconds(in line: String) -> Int? {
    guard let range = line.range(of: "\"t_ms\":") else { return nil }
    return Int(line[range.upperBound...].prefix { $0.isNumber })
}

@Suite struct UnitDaemonTests {
    @Test func eventsAtNightAreRecordedWithoutAlarmAndTheLampsFollow() throws {
        let unit = try ScriptedUnit()
        let (exit, status) = try unit.run(minuteOfDay: 23 * 60)
        #expect(exit == 0)
        let falls = unit.events("fall")
        #expect(falls.count == 1, "one fall event: \(unit.announced)")
        #expect(falls.first?.contains("\"alarm\":false,\"record\":true") == true, "night: recorded, no alarm: \(falls)")
        #expect(unit.closedClips.count == 1, "one clip closed: \(unit.directory.names("/clips"))")
        let clip = try unit.openClip(unit.closedClips[0])
        // The walk-in (motion, 2.6 s) opened the clip; the person stayed until the fall (7.7 s) and lay there.
        #expect(clip.header.eventKind == .motion)
        #expect(clip.completeness == .complete)
        let indices = clip.frames.map { Int($0.frameIndex) }
        // Frame i arrives at (i + 1) * 100 ms; the ring, trimmed to 2 s as each frame goes in,
        // holds 21 frames when the event's frame comes.
        let motionFrame = (unit.events("motion").first.flatMap { milliseconds(in: $0) } ?? 0) / 100 - 1
        #expect(indices.first == motionFrame - 21, "2 s of pre-roll before the motion event at frame \(motionFrame) (\(indices.first ?? -1))")
        #expect(indices == Array(indices[0]...119), "every frame from the pre-roll to the end, in order")
        #expect(clip.frames.allSatisfy { jpegDimensions($0.jpeg).map { $0.width == 160 && $0.height == 120 } == true })
        #expect(clip.frames.contains { !$0.boxes.isEmpty }, "frames carry the person's box")
        #expect(unit.alarm.states.allSatisfy { !$0 }, "no alarm at night")
        #expect(unit.sign.states.first == true && unit.sign.states.last == false, "sign lit while watching, off on exit: \(unit.sign.states)")
        #expect(unit.recordingLamp.states.contains(true) && unit.recordingLamp.states.last == false)
        #expect(unit.status.states.contains(true) && unit.status.states.contains(false), "the status LED blinks a heartbeat")
        #expect(unit.watchdog.feeds == status.frames && unit.watchdog.isDisarmed, "fed once per frame, disarmed on exit")
        #expect(status.frames == 120 && status.queue.framesDropped == 0 && status.queue.clipsClosed == 1)
        let file = try String(contentsOfFile: unit.configuration.unit.statusFile, encoding: .utf8)
        #expect(file.contains("\"state\":\"stopped\"") && file.contains("\"clips_written\":1"), "status file: \(file)")
    }

    @Test func theEvidenceThreadKeepsTheSameClipAsTheCaptureThread() throws {
        var kept: [[String]] = []
        for setting in ["no", "yes"] {
            let unit = try ScriptedUnit()
            #expect(unit.configuration.unit.set(section: "store", "evidence_thread", setting) == nil)
            let (exit, status) = try unit.run(minuteOfDay: 23 * 60)
            #expect(exit == 0 && status.evidenceThread == (setting == "yes"))
            #expect(unit.closedClips.count == 1 && unit.recordingLamp.states.contains(true) && unit.recordingLamp.states.last == false)
            let clip = try unit.openClip(unit.closedClips[0])
            kept.append(clip.frames.map { "\($0.frameIndex) \($0.boxes.map { [$0.x, $0.y, $0.width, $0.height] }) \($0.jpeg.hashValue)" })
            let stopped = unit.log.lines.first { $0.contains("stopped: ") } ?? ""
            #expect(stopped.contains("on the evidence thread") == (setting == "yes"), "\(stopped)")
            #expect(stopped.contains(" ms of CPU) to analyse"), "the capture thread's CPU time a frame: \(stopped)")
        }
        #expect(kept[0].count > 50 && kept[0] == kept[1], "the same frames, boxes and JPEG bytes either way")
    }

    @Test func aFallByDayAlarmsAndIsNotRecordedUnlessConfigured() throws {
        let unit = try ScriptedUnit()
        try unit.run(minuteOfDay: 12 * 60)
        #expect(unit.events("fall").first?.contains("\"alarm\":true,\"record\":false") == true, "\(unit.announced)")
        #expect(unit.alarm.states.contains(true), "the alarm output went high")
        #expect(unit.closedClips.isEmpty, "nothing recorded by day")

        let recording = try ScriptedUnit()
        _ = recording.configuration.policy.set("record_by_day", "yes")
        try recording.run(minuteOfDay: 12 * 60)
        #expect(recording.closedClips.count == 1 && recording.alarm.states.contains(true))
    }

    @Test func aLostCameraClosesTheClipAndRecordingResumesWhenItReturns() throws {
        let unit = try ScriptedUnit(seconds: 14)
        unit.camera.unplugAt = [80: 2]  // 8 s: after the fall was confirmed, while recording
        let (_, status) = try unit.run(minuteOfDay: 23 * 60)
        #expect(unit.events("camera_lost").filter { $0.contains("disappeared") }.count == 1 && unit.events("camera_back").count == 1, "\(unit.announced)")
        #expect(status.reconnects == 1 && unit.camera.connects == 4, "first connect, two failures, then back (\(unit.camera.connects))")
        #expect(unit.closedClips.count >= 1, "the open clip was closed when the camera went away")
        for name in unit.closedClips { #expect(try unit.openClip(name).completeness == .complete) }
        #expect(unit.log.lines.contains { $0.contains("status light: camera_lost") }, "the status light showed camera lost")
        #expect(status.frames == 140)
    }

    @Test func theFewestBuffersTheDriverHadToFillAreReportedOnceTheStreamSettled() throws {
        let unit = try ScriptedUnit()
        // The first frame's full face search leaves the driver without a buffer; later it
        // runs down to one once.
        unit.camera.queuedBuffersAt = { index in index < 3 ? 0 : index == 60 ? 1 : 3 }
        let (_, status) = try unit.run(minuteOfDay: 23 * 60)
        #expect(status.fewestBuffersToFill == 1 && status.driverBuffers == 4)
        let file = try String(contentsOfFile: unit.configuration.unit.statusFile, encoding: .utf8)
        #expect(file.contains("\"buffers\":4,\"fewest_buffers_to_fill\":1"), "status file: \(file)")
        let stopped = unit.log.lines.first { $0.contains("stopped: ") } ?? ""
        #expect(stopped.hasSuffix("by the driver (which had at least 1 of its 4 buffers to fill after the stream settled)"), "\(stopped)")
    }

    @Test func aCameraThatCannotTellItsBuffersLeavesThemUnreported() throws {
        let unit = try ScriptedUnit()
        let (_, status) = try unit.run(minuteOfDay: 23 * 60)
        #expect(status.fewestBuffersToFill == nil)
        let file = try String(contentsOfFile: unit.configuration.unit.statusFile, encoding: .utf8)
        #expect(file.contains("\"fewest_buffers_to_fill\":-1"), "status file: \(file)")
        #expect(unit.log.lines.first { $0.contains("stopped: ") }?.hasSuffix("by the driver") == true)
    }

    @Test func theTamperSwitchAndACorruptFrameAreReportedAndRecordingGoesOn() throws {
        let unit = try ScriptedUnit(seconds: 4)
        unit.camera.corruptAt = [5]
        unit.tamperSwitch.push(InputEdge(rising: true, timestampNanoseconds: 1))
        let (_, status) = try unit.run(minuteOfDay: 12 * 60)
        let tamper = unit.events("tamper")
        #expect(tamper.count == 1 && tamper[0].contains("switch") && tamper[0].contains("\"alarm\":true"), "\(unit.announced)")
        #expect(status.corruptFrames == 1 && status.frames == 39)
        #expect(unit.closedClips.count == 1, "tamper is recorded day and night")
        #expect(try unit.openClip(unit.closedClips[0]).header.eventKind == .tamper)
    }

    @Test func withoutReviewerKeysTheUnitWatchesAlarmsAndShowsAFault() throws {
        let unit = try ScriptedUnit()
        let (_, status) = try unit.run(minuteOfDay: 12 * 60, record: false)
        #expect(unit.alarm.states.contains(true), "still alarms")
        #expect(unit.log.lines.contains { $0.contains("recording refused: no reviewer keys") })
        #expect(unit.log.lines.contains { $0.contains("status light: fault") })
        #expect(status.recordingRefused == "no reviewer keys")
        #expect(!FileManager.default.fileExists(atPath: unit.clipsDirectory))
    }

    @Test func aReloadWithMistakesKeepsTheRunningPolicy() throws {
        let unit = try ScriptedUnit(seconds: 3)
        var fresh = UnitConfiguration()
        _ = fresh.policy.set("record_by_day", "yes")
        unit.reloads = [nil, fresh]
        unit.control.queued = [.hangup]
        try unit.run(minuteOfDay: 12 * 60)
        #expect(unit.log.lines.contains { $0.contains("reload refused") })
        unit.control.queued = [.hangup]
        try unit.run(minuteOfDay: 12 * 60)
        #expect(unit.log.lines.contains { $0.contains("configuration reloaded") })
    }
}
