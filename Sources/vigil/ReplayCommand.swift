import VigilAnalysis
import VigilAppliance
import VigilCore
import VigilDevices
import VigilEvidence
import VigilPrivacy

let replayCommand = Command(
    spec: CommandSpec(
        name: "replay", summary: "run the analysis on a YUV4MPEG2 stream and print its events as JSON lines",
        arguments: ["INPUT"],
        options: [
            OptionSpec("config", value: "FILE", help: "read the settings and zones of FILE's [analysis] section, the [tamper] thresholds and [redaction] first"),
            OptionSpec("set", value: "KEY=VALUE", repeatable: true, help: "change an analysis setting (listed above), over the file's"),
            OptionSpec("record", value: "DIR", help: "write encrypted clips of the events to DIR, as the unit does"),
            OptionSpec("recipients", value: "A.pub,B.pub", help: "with --record: the reviewers' public keys, two or more"),
            OptionSpec("unit-key", value: "FILE", help: "with --record: the unit's signing key, made at first use (default DIR/unit.key)"),
            OptionSpec("sync-every", value: "N", help: "with --record: fsync the clip every N frames (default 8)"),
            OptionSpec("quota", value: "BYTES", help: "with --record: keep the clips under BYTES, deleting the oldest (default: none)"),
            OptionSpec("quota-percent", value: "P", help: "with --record: keep the clips under P % of the filesystem (default 90; 0: none); the smaller quota applies"),
            OptionSpec("retention-hours", value: "H", help: "with --record: delete clips older than H hours unless held (default 72; 0 keeps them)"),
        ],
        details: """
            INPUT is a .y4m file or - for standard input, e.g.
              ffmpeg -i clip.mp4 -f yuv4mpegpipe -pix_fmt gray - | vigil replay -
            Prints one line per event, {"event":"fall","frame":123,"t_ms":4100,"track":3,"box":[x,y,w,h]},
            one per confirmed attack on the camera, {"event":"tamper","frame":N,"t_ms":T,"reason":"dark"}
            (dark, bright, defocused or scene_changed), and a last line {"summary":{...}}. A damaged stream: a message on stderr, the events
            found before the damage and the summary, exit status 2.

            The configuration file (--config) has key = value lines under [analysis]; '#' starts
            a comment. Its keys are the settings below and the zones, polygons of 3 to 32 x,y
            corners in full-frame pixels, at most 16 zones:
              [analysis]
              fall_confirm_ms = 3000
              exclude_zone = 0,0 640,0 640,60 0,60           # motion here is ignored (trees, a road)
              include_zone = 100,200 600,200 600,480 100,480 # if any: events only for people standing in one
            Its [tamper] section sets the thresholds of the camera checks (vigil config --defaults
            lists them), e.g. [tamper] confirm_ms = 8000; [redaction] what is pixelated and its
            masks: every frame is redacted as on the unit, and the analysis keeps masks and faces
            only as their mosaic.
            The other sections are checked, not used.
            A file with mistakes: every wrong line on stderr with its number, exit status 2.

            --record DIR writes what the unit would record: each frame redacted ([redaction]) and as JPEG, 2 s of pre-roll
            before an event, until every track that raised an event has gone, plus 3 s of
            post-roll; each clip sealed to the --recipients so that any two of them open it
            (vigil open). Without two valid reviewer keys nothing is recorded (exit status 2).

            settings:
            """ + settingsHelp()),
    run: { arguments throws(UsageError) in
        var parameters = AnalysisParameters()
        var redaction = RedactionSettings()
        var tamper = TamperSettings()
        if let path = arguments.value("config") {
            guard let configured = configuration(fromFile: path, command: "replay") else { return UsageError.exitStatus }
            parameters = configured.analysis
            redaction = configured.redaction
            tamper = configured.tamper
        }
        for assignment in arguments.values("set") {
            guard let (key, value) = AnalysisParameters.assignment(assignment) else {
                throw .badValue(option: "--set", value: assignment, expected: "KEY=VALUE")
            }
            do throws(SettingError) {
                try parameters.set(key, value)
            } catch {
                throw .refused(command: "replay", message: error.message)
            }
        }
        var recording: RecordingRequest? = nil
        if let directory = arguments.value("record") {
            recording = RecordingRequest(
                directory: directory, recipients: arguments.value("recipients") ?? "", unitKey: arguments.value("unit-key"),
                syncEvery: try arguments.integer("sync-every", default: 8, in: 1...100_000),
                policy: StoragePolicy(quotaBytes: try arguments.integer("quota", default: 0, in: 0...Int.max),
                                      quotaPercent: try arguments.integer("quota-percent", default: 90, in: 0...100),
                                      retentionMilliseconds: Int64(try arguments.integer("retention-hours", default: 72, in: 0...100_000)) * 3_600_000))
        } else if ["recipients", "unit-key", "sync-every", "quota", "quota-percent", "retention-hours"].contains(where: { arguments.value($0) != nil }) {
            throw .refused(command: "replay", message: "--recipients, --unit-key, --sync-every, --quota, --quota-percent and --retention-hours go with --record DIR")
        }
        return replay(path: arguments.positionals[0], parameters: parameters, redaction: redaction, tamper: tamper, recording: recording)
    })

private func settingsHelp() -> String {
    var text = ""
    for setting in AnalysisParameters.settings {
        text += "\n  " + setting.key + " (\(setting.range.lowerBound)-\(setting.range.upperBound)): " + setting.help
    }
    return text
}

/// What `--record` asked for; the store is opened once the stream's size is known.
struct RecordingRequest {
    let directory: String
    let recipients: String
    let unitKey: String?
    let syncEvery: Int
    let policy: StoragePolicy
}

func replay(path: String, parameters: AnalysisParameters, redaction: RedactionSettings, tamper: TamperSettings, recording request: RecordingRequest? = nil) -> Int32 {
    let source: FileByteSource
    do throws(DeviceError) { source = try FileByteSource(path: path) } catch {
        StandardStreams.writeError("vigil replay: " + error.message)
        return 2
    }
    let reader: Y4MReader<FileByteSource>
    do throws(Y4MError) { reader = try Y4MReader(source) } catch {
        StandardStreams.writeError("vigil replay: " + source.name + ": " + error.message)
        return 2
    }
    let header = reader.header
    // As on the unit, every frame is analysed and redacted, and the analysis sees what was
    // redacted only as its mosaic: the events are the unit's.
    let pipeline: FramePipeline
    do throws(CascadeError) {
        pipeline = try FramePipeline(width: header.width, height: header.height, analysis: parameters, redaction: redaction)
    } catch {
        StandardStreams.writeError("vigil replay: " + error.message)
        return UsageError.exitStatus
    }
    var recording: ReplayRecording? = nil
    if let request {
        switch ReplayRecording.open(directory: request.directory, recipientList: request.recipients, unitKeyPath: request.unitKey,
                                    syncEvery: request.syncEvery, policy: request.policy, pipeline: pipeline) {
        case .success(let opened): recording = opened
        case .failure(let error):
            StandardStreams.writeError(error.message)
            return UsageError.exitStatus
        }
    }
    let tamperDetector = SceneTamperDetector(width: header.width, height: header.height, settings: tamper)
    let clock = SystemClock()
    var events = 0
    var tamperEvents = 0
    var analysisNanoseconds: Int64 = 0
    var status: Int32 = 0
    var raw = RawFrame(width: header.width, height: header.height, format: header.chroma)
    let printEvent = { (event: SceneEvent) in
        var line = JSONLine()
        line.add("event", event.kindName)
        line.add("frame", event.frameIndex)
        line.add("t_ms", event.milliseconds)
        line.add("track", event.trackID)
        line.add("box", [event.box.minX, event.box.minY, event.box.width, event.box.height])
        print(line.rendered)
        events += 1
    }
    while true {
        do throws(Y4MError) {
            guard try raw.capture({ frame throws(Y4MError) in try reader.read(into: frame) }) else { break }
        } catch {
            StandardStreams.writeError("vigil replay: " + source.name + ": " + error.message)
            status = 2
            break
        }
        let index = reader.framesRead - 1
        let milliseconds = header.milliseconds(atFrame: index)
        let started = clock.nanoseconds
        let finding = tamperDetector.observe(raw.luma, milliseconds: milliseconds)
        let redacted = pipeline.process(raw, frameIndex: index, milliseconds: milliseconds)
        analysisNanoseconds += clock.nanoseconds - started
        for event in pipeline.events { printEvent(event) }
        if let finding {
            var line = JSONLine()
            line.add("event", "tamper")
            line.add("frame", index)
            line.add("t_ms", finding.milliseconds)
            line.add("reason", finding.reason.name)
            print(line.rendered)
            tamperEvents += 1
        }
        guard let recording else {
            raw = redacted.recycle()
            continue
        }
        do throws(DeviceError) {
            try recording.frame(redacted, index: index, milliseconds: milliseconds)
        } catch {
            StandardStreams.writeError("vigil replay: " + error.message)
            status = 1
            raw = redacted.recycle()
            break
        }
        raw = redacted.recycle()
    }
    if let recording, let failure = recording.finish(atFrame: max(0, reader.framesRead - 1)) {
        StandardStreams.writeError("vigil replay: recording stopped: " + failure.message)
        status = 1
    }
    var summary = JSONLine()
    summary.add("frames", reader.framesRead)
    summary.add("events", events)
    summary.add("tamper", tamperEvents)
    if let recording {
        summary.add("clips", recording.clipsWritten)
        summary.add("clips_evicted", recording.clipsEvicted)
    }
    let perFrameHundredths = reader.framesRead > 0 ? Int(analysisNanoseconds / Int64(reader.framesRead) / 10_000) : 0
    summary.add("analysis_ms_per_frame", perFrameHundredths, fractionDigits: 2)
    var line = JSONLine()
    line.add("summary", summary)
    print(line.rendered)
    return status
}
