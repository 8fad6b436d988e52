import VigilCore
import VigilDevices
import VigilPrivacy

let facesCommand = Command(
    spec: CommandSpec(
        name: "faces", summary: "find faces in a YUV4MPEG2 stream or still and print their boxes as JSON lines",
        arguments: ["INPUT"], minimumArguments: 0,
        options: [
            OptionSpec("cascade", value: "NAME", help: "the built-in cascade to use (default " + BuiltInCascades.defaultName + ")"),
            OptionSpec("repeat", value: "N", help: "detect N times per frame and report the mean time (for benchmarks)"),
            OptionSpec("list", help: "list the built-in cascades and where they came from"),
            OptionSpec("licences", help: "print the licences of the built-in cascades"),
        ],
        details: """
            INPUT is a .y4m file or - for standard input; a still is a stream of one frame, e.g.
              ffmpeg -i photo.jpg -f yuv4mpegpipe -pix_fmt gray - | vigil faces -
            Finds faces as OpenCV's CascadeClassifier.detectMultiScale(image, 1.1, 3) does, with
            OpenCV's cascades converted to integer tables at build time. Prints one line per face,
            {"frame":0,"box":[x,y,w,h]}, and a last line {"summary":{...}} with the mean detection
            time per frame. A damaged stream: a message on stderr, the faces found before it and
            the summary, exit status 2.
            """),
    run: { arguments throws(UsageError) in
        if arguments.flag("list") {
            for name in BuiltInCascades.names { print(name + "  (from /usr/share/opencv4/" + (BuiltInCascades.source(of: name) ?? "?") + ")") }
            return 0
        }
        if arguments.flag("licences") {
            for name in BuiltInCascades.names { print("== " + name + "\n" + (BuiltInCascades.licence(of: name) ?? "")) }
            return 0
        }
        guard let path = arguments.positionals.first else { throw .missingArgument(command: "faces", expected: ["INPUT"]) }
        let name = arguments.value("cascade") ?? BuiltInCascades.defaultName
        guard let cascade = BuiltInCascades.cascade(named: name) else {
            throw .badValue(option: "--cascade", value: name, expected: "one of the built-in cascades ('vigil faces --list')")
        }
        return findFaces(path: path, cascade: cascade, repeats: try arguments.integer("repeat", default: 1, in: 1...10_000))
    })

func findFaces(path: String, cascade: Cascade, repeats: Int) -> Int32 {
    let source: FileByteSource
    do throws(DeviceError) { source = try FileByteSource(path: path) } catch {
        StandardStreams.writeError("vigil faces: " + error.message)
        return 2
    }
    let reader: Y4MReader<FileByteSource>
    do throws(Y4MError) { reader = try Y4MReader(source) } catch {
        StandardStreams.writeError("vigil faces: " + source.name + ": " + error.message)
        return 2
    }
    let detector: FaceDetector
    do throws(CascadeError) {
        detector = try FaceDetector(cascade: cascade, width: reader.header.width, height: reader.header.height)
    } catch {
        StandardStreams.writeError("vigil faces: " + error.message)
        return 2
    }
    let frame = reader.makeFrame()
    let clock = SystemClock()
    var faces = 0
    var detections = 0
    var nanoseconds: Int64 = 0
    var status: Int32 = 0
    while true {
        do throws(Y4MError) {
            guard try reader.read(into: frame) else { break }
        } catch {
            StandardStreams.writeError("vigil faces: " + source.name + ": " + error.message)
            status = 2
            break
        }
        let started = clock.nanoseconds
        for _ in 0..<repeats { detector.detect(frame.luma) }
        nanoseconds += clock.nanoseconds - started
        detections += repeats
        for face in detector.faces {
            var line = JSONLine()
            line.add("frame", reader.framesRead - 1)
            line.add("box", [face.x, face.y, face.width, face.height])
            print(line.rendered)
            faces += 1
        }
    }
    var summary = JSONLine()
    summary.add("cascade", cascade.name)
    summary.add("frames", reader.framesRead)
    summary.add("faces", faces)
    summary.add("levels", detector.levels.count)
    let perDetectionHundredths = detections > 0 ? Int(nanoseconds / Int64(detections) / 10_000) : 0
    summary.add("detect_ms_per_frame", perDetectionHundredths, fractionDigits: 2)
    var line = JSONLine()
    line.add("summary", summary)
    print(line.rendered)
    return status
}
