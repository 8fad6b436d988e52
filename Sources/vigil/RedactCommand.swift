import VigilAppliance
import VigilAnalysis
import VigilCore
import VigilDevices
import VigilPrivacy

let redactCommand = Command(
    spec: CommandSpec(
        name: "redact", summary: "pixelate faces, heads and masks in a YUV4MPEG2 stream or a JPEG still",
        arguments: ["IN", "OUT"],
        options: [
            OptionSpec("config", value: "FILE", help: "read [redaction] (and the stream's [analysis]) from FILE"),
            OptionSpec("boxes", help: "print one JSON line per redacted region"),
            OptionSpec("cascade", value: "NAME", help: "search with this built-in face cascade only (for streams and stills)"),
        ],
        details: """
            IN is a .y4m stream (or - for standard input) or a JPEG still; OUT is written in the
            same format, under OUT.partial until it is complete, so OUT never holds raw pixels.
            A stream gets the analysis (tracked people: heads, persons) and face detection within
            a per-frame budget (around people and faces, plus a sweep of the frame in slices);
            a still has no motion, so there only faces and masks apply, and its faces are searched
            for thoroughly: each still cascade on the equalised picture, as it is and mirrored,
            upright and tilted 15 degrees either way. Prints, with --boxes,
            {"frame":0,"kind":"face","box":[x,y,w,h]} per region, then {"summary":{...}}.

            The configuration file's [redaction] section:
              [redaction]
              redact = faces,heads,masks        # any of faces, heads, persons, masks; or none
              mask = 0,0 200,0 200,120 0,120    # a polygon in full-frame pixels, one line each, at most 16
              cascade = haarcascade_frontalface_default   # for streams
              still_cascades = haarcascade_frontalface_default,haarcascade_frontalface_alt2
              face_hold_frames = 15             # frames a face stays covered after it was last seen
              face_window_budget = 4000         # detector windows per stream frame: the cost bound
              max_image_pixels = 16777216       # larger stills are refused
            Bad input (a damaged stream or JPEG, a still over the limit, a configuration with
            mistakes): a message on stderr, no OUT, exit status 2.
            """),
    run: { arguments throws(UsageError) in
        var analysis = AnalysisParameters()
        var settings = RedactionSettings()
        if let path = arguments.value("config") {
            guard let configured = configuration(fromFile: path, command: "redact") else { return UsageError.exitStatus }
            analysis = configured.analysis
            settings = configured.redaction
        }
        if let name = arguments.value("cascade") {
            for key in ["cascade", "still_cascades"] {
                if let reason = settings.set(key, name) { throw .refused(command: "redact", message: reason) }
            }
        }
        guard arguments.positionals.count == 2 else { throw .missingArgument(command: "redact", expected: ["IN", "OUT"]) }
        let input = arguments.positionals[0], output = arguments.positionals[1]
        let job = RedactionJob(settings: settings, analysis: analysis, printBoxes: arguments.flag("boxes"))
        switch inputKind(input) {
        case .stream: return job.redactStream(input: input, output: output)
        case .still: return job.redactStill(input: input, output: output)
        case .unknown(let reason):
            StandardStreams.writeError("vigil redact: " + reason)
            return 2
        }
    })

/// What a redaction run needs besides its files.
struct RedactionJob {
    let settings: RedactionSettings
    let analysis: AnalysisParameters
    let printBoxes: Bool

    var cascade: Cascade { BuiltInCascades.cascade(named: settings.cascadeName)! }

    func fail(_ message: String) -> Int32 {
        StandardStreams.writeError("vigil redact: " + message)
        return 2
    }

    func report(_ regions: [RedactedRegion], frame: Int) {
        guard printBoxes else { return }
        for region in regions {
            var line = JSONLine()
            line.add("frame", frame)
            line.add("kind", region.kind.name)
            line.add("box", [region.box.minX, region.box.minY, region.box.width, region.box.height])
            print(line.rendered)
        }
    }
}

private enum InputKind {
    case stream, still
    case unknown(String)
}

/// Tells a Y4M stream from a JPEG by their first bytes; standard input is a stream.
private func inputKind(_ path: String) -> InputKind {
    if path == "-" { return .stream }
    let source: FileByteSource
    do throws(DeviceError) { source = try FileByteSource(path: path) } catch { return .unknown(error.message) }
    var magic = [UInt8](repeating: 0, count: 9)
    let count: Int
    switch magic.withUnsafeMutableBytes({ source.read(into: $0) }) {
    case .success(let read): count = read
    case .failure(let error): return .unknown(error.message)
    }
    if count >= 3 && magic[0] == 0xFF && magic[1] == 0xD8 && magic[2] == 0xFF { return .still }
    if count == 9 && magic.elementsEqual("YUV4MPEG2".utf8) { return .stream }
    return .unknown(path + ": neither a JPEG nor a YUV4MPEG2 stream; convert it with ffmpeg (-f yuv4mpegpipe)")
}
