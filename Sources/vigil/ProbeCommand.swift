import VigilCore
import VigilDevices

let probeCommand = Command(
    spec: CommandSpec(
        name: "probe", summary: "first contact with the devices: camera mode, frame rate, drops, one light, one input",
        options: [
            OptionSpec("device", value: "PATH", help: "camera device node (default /dev/video0)"),
            OptionSpec("size", value: "WxH", help: "frame size to negotiate (default 640x480)"),
            OptionSpec("format", value: "FOURCC", help: "pixel format to negotiate (default YUYV)"),
            OptionSpec("fps", value: "N", help: "frame rate to set with VIDIOC_S_PARM (default 25)"),
            OptionSpec("frames", value: "N", help: "frames to stream and measure (default 100)"),
            OptionSpec("line", value: "NAME", help: "GPIO output line to pulse, found by name (default vigil-status)"),
            OptionSpec("hold-ms", value: "N", help: "how long the line stays on, then off (default 1000)"),
            OptionSpec("input", value: "NAME", help: "GPIO input to read and watch for edges, found by name (e.g. vigil-tamper)"),
            OptionSpec("input-wait-ms", value: "N", help: "how long to report the input's edges (default 0: its level only)"),
            OptionSpec("active-low", help: "the GPIO lines are active-low: on and active mean the pin is low"),
            OptionSpec("no-camera", help: "skip the camera"),
            OptionSpec("no-lights", help: "skip the GPIO line"),
        ],
        details: """
            Opens the camera with raw V4L2 ioctls, lists its formats, negotiates the mode, streams
            frames by mmap and reports the measured rate and the frames the driver dropped. Then
            drives the named GPIO line on and off so it can be watched (or read back). With --input,
            reads that GPIO input's level and reports each edge the kernel queues while it waits.
            Exits 0 when everything worked as asked, 1 otherwise.
            """),
    run: { arguments throws(UsageError) in
        let sizeText = arguments.value("size") ?? "640x480"
        guard let size = FrameSize(sizeText) else {
            throw .badValue(option: "--size", value: sizeText, expected: "WIDTHxHEIGHT with even numbers, e.g. 640x480")
        }
        let formatText = arguments.value("format") ?? "YUYV"
        guard let fourcc = FourCC(formatText) else {
            throw .badValue(option: "--format", value: formatText, expected: "a four-character code such as YUYV, NV12, GREY")
        }
        let probe = DeviceProbe(
            device: arguments.value("device") ?? "/dev/video0", size: size, fourcc: fourcc,
            framesPerSecond: try arguments.integer("fps", default: 25, in: 1...240),
            frames: try arguments.integer("frames", default: 100, in: 2...100_000),
            lineName: arguments.value("line") ?? "vigil-status",
            holdMilliseconds: try arguments.integer("hold-ms", default: 1000, in: 0...60_000),
            activeLow: arguments.flag("active-low"))
        let inputWaitMilliseconds = try arguments.integer("input-wait-ms", default: 0, in: 0...600_000)
        var healthy = true
        if !arguments.flag("no-camera") { healthy = probe.probeCamera() && healthy }
        if !arguments.flag("no-lights") { healthy = probe.probeLight() && healthy }
        if let input = arguments.value("input") { healthy = probe.probeInput(input, waitMilliseconds: inputWaitMilliseconds) && healthy }
        print(healthy ? "probe: ok" : "probe: FAILED")
        return healthy ? 0 : 1
    })

/// What `vigil probe` checks, with its report on stdout (one `key: value` line per fact).
struct DeviceProbe {
    let device: String
    let size: FrameSize
    let fourcc: FourCC
    let framesPerSecond: Int
    let frames: Int
    let lineName: String
    let holdMilliseconds: Int
    let activeLow: Bool

    func probeCamera() -> Bool {
        do throws(DeviceError) {
            let camera = try V4L2Camera(path: device)
            let identity = camera.identity
            print("camera: " + device + ", driver " + identity.driver + ", card '" + identity.card + "', bus " + identity.busInfo)
            var offered = ""
            for format in camera.formats() { offered += (offered.isEmpty ? "" : " ") + format.fourcc.description }
            print("formats: " + offered)

            let format = try camera.setFormat(width: size.width, height: size.height, fourcc: fourcc)
            let interval = try camera.setFrameRate(framesPerSecond)
            print("negotiated: \(format.width)x\(format.height) " + format.fourcc.description
                  + ", \(format.bytesPerLine) bytes/line, \(format.imageBytes) bytes/frame, \(interval.numerator)/\(interval.denominator) s/frame")
            guard format.width == size.width, format.height == size.height, format.fourcc == fourcc else {
                print("camera: FAILED: driver chose \(format.width)x\(format.height) " + format.fourcc.description
                      + " instead of " + size.description + " " + fourcc.description + "; pick a mode from the list above")
                return false
            }
            guard interval.numerator * framesPerSecond == interval.denominator else {
                print("camera: FAILED: driver set \(interval.numerator)/\(interval.denominator) s/frame instead of 1/\(framesPerSecond)")
                return false
            }

            try camera.startStreaming(bufferCount: 4)
            // Generous timeout: the first frame may take a while on an emulated board.
            let statistics = try measureStream(camera, frames: frames, clock: SystemClock(), timeoutMilliseconds: 2000)
            camera.stopStreaming()
            print("stream: \(statistics.frames) frames in \(statistics.elapsedMilliseconds) ms, "
                  + decimalText(statistics.framesPerSecondHundredths, fractionDigits: 2) + " fps, \(statistics.dropped) dropped")
            if statistics.dropped > 0 {
                print("camera: FAILED: the driver dropped \(statistics.dropped) frames; the unit cannot keep up at this rate")
                return false
            }
            return true
        } catch {
            print("camera: FAILED: " + error.message)
            return false
        }
    }

    func probeLight() -> Bool {
        do throws(DeviceError) {
            let line = try GPIOOutputLine(named: lineName, consumer: "vigil-probe", activeLow: activeLow)
            let label = "light: " + lineName + " (" + line.chipName + " line \(line.offset))"
            try pulse(line, holdMilliseconds: holdMilliseconds, clock: SystemClock()) { active in
                print(label + (active ? " on" : " off"))
                StandardStreams.flush()
            }
            return true
        } catch {
            print("light: FAILED: " + error.message)
            return false
        }
    }

    /// Prints the input's level, then each edge as it is collected (polled as the daemon does,
    /// every 10 ms) until `waitMilliseconds` have passed, then the count.
    func probeInput(_ name: String, waitMilliseconds: Int) -> Bool {
        do throws(DeviceError) {
            let input = try GPIOInputLine(named: name, consumer: "vigil-probe", activeLow: activeLow)
            print("input: " + name + " (" + input.chipName + " line \(input.offset)) level " + (try input.isActive ? "1" : "0"))
            StandardStreams.flush()
            let clock = SystemClock()
            let end = clock.nanoseconds + Int64(waitMilliseconds) * 1_000_000
            var edges = 0
            while true {
                for edge in try input.pendingEdges() {
                    print("edge: " + name + (edge.rising ? " rising" : " falling"))
                    StandardStreams.flush()
                    edges += 1
                }
                if clock.nanoseconds >= end { break }
                clock.sleep(milliseconds: 10)
            }
            print("input: edges \(edges)")
            return true
        } catch {
            print("input: FAILED: " + error.message)
            return false
        }
    }
}
