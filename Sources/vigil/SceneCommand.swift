import VigilCore
import VigilDevices

let sceneCommand = Command(
    spec: CommandSpec(
        name: "scene", summary: "write the demo scene (a person walks in and falls) as raw YUYV or Y4M",
        arguments: ["OUT"],
        options: [
            OptionSpec("size", value: "WxH", help: "frame size (default 640x480)"),
            OptionSpec("fps", value: "N", help: "frames per second (default 15)"),
            OptionSpec("seconds", value: "N", help: "length (default 12)"),
            OptionSpec("y4m", help: "write YUV4MPEG2 4:2:2 instead of raw YUYV frames"),
        ],
        details: """
            The scene vigil's own tests and `make demo` play through a camera: an empty square for
            2 s, a person walking in, a fall at 5 s, then lying still. Raw YUYV is what a V4L2
            output device (vivid's HDMI loop) takes:
              vigil scene /tmp/scene.yuyv && v4l2-ctl -d /dev/video2 --stream-out-mmap --stream-from=/tmp/scene.yuyv
            """),
    run: { arguments throws(UsageError) in
        let sizeText = arguments.value("size") ?? "640x480"
        guard let size = FrameSize(sizeText) else {
            throw .badValue(option: "--size", value: sizeText, expected: "WIDTHxHEIGHT with even numbers, e.g. 640x480")
        }
        let fps = try arguments.integer("fps", default: 15, in: 1...120)
        let seconds = try arguments.integer("seconds", default: 12, in: 1...600)
        let y4m = arguments.flag("y4m")
        let file: PartialFile
        do throws(DeviceError) { file = try PartialFile(path: arguments.positionals[0]) } catch {
            throw .refused(command: "scene", message: error.message)
        }
        var scene = FallingPersonScene(width: size.width, height: size.height)
        let frame = Frame(width: size.width, height: size.height, format: .yuv422)
        var bytes: [UInt8] = []
        bytes.reserveCapacity(size.width * size.height * 2 + 8)
        if y4m { bytes += Array("YUV4MPEG2 W\(size.width) H\(size.height) F\(fps):1 Ip A1:1 C422\n".utf8) }
        do throws(DeviceError) {
            for index in 0..<(fps * seconds) {
                scene.render(atMilliseconds: index * 1000 / fps, into: frame)
                guard let (cb, cr) = frame.chroma else { break }
                if y4m {
                    bytes += Array("FRAME\n".utf8)
                    for plane in [frame.luma, cb, cr] { for y in 0..<plane.height { bytes += plane.row(y) } }
                } else {
                    bytes = [UInt8](repeating: 0, count: size.width * size.height * 2)
                    for y in 0..<size.height {
                        let luma = frame.luma.row(y), blue = cb.row(y), red = cr.row(y)
                        let line = y * size.width * 2
                        for x in 0..<(size.width / 2) {
                            bytes[line + 4 * x] = luma[2 * x]
                            bytes[line + 4 * x + 1] = blue[x]
                            bytes[line + 4 * x + 2] = luma[2 * x + 1]
                            bytes[line + 4 * x + 3] = red[x]
                        }
                    }
                }
                try file.write(bytes)
                bytes.removeAll(keepingCapacity: true)
            }
            try file.commit()
        } catch {
            throw .refused(command: "scene", message: error.message)
        }
        return 0
    })
