import VigilCore
import VigilDevices

/// A 4x2 picture in `fourcc` with `bytesPerLine` (padding bytes 0xEE), its luma 10..17 in raster
/// order, Cb 100+ and Cr 200+ per chroma sample in raster order.
private func packed(_ fourcc: FourCC, bytesPerLine: Int) -> [UInt8] {
    var bytes: [UInt8] = []
    func line(_ values: [UInt8]) { bytes += values + [UInt8](repeating: 0xEE, count: bytesPerLine - values.count) }
    switch fourcc {
    case .yuyv:
        line([10, 100, 11, 200, 12, 101, 13, 201])
        line([14, 102, 15, 202, 16, 103, 17, 203])
    case .nv12:
        line([10, 11, 12, 13]); line([14, 15, 16, 17]); line([100, 200, 101, 201])
    default:
        line([10, 11, 12, 13]); line([14, 15, 16, 17])
    }
    return bytes
}

let captureChecks: [SelfCheck] = [
    SelfCheck("capture.unpack-yuyv-nv12-grey") { r in
        for (fourcc, stride) in [(FourCC.yuyv, 8), (.yuyv, 12), (.nv12, 4), (.nv12, 6), (.grey, 4), (.grey, 5)] {
            guard let chroma = PixelUnpacker.chroma(for: fourcc) else { r.expect(false, fourcc.description + " has a layout"); continue }
            let frame = Frame(width: 4, height: 2, format: chroma)
            let bytes = packed(fourcc, bytesPerLine: stride)
            let ok = bytes.withUnsafeBytes { PixelUnpacker.unpack($0, fourcc: fourcc, bytesPerLine: stride, into: frame) }
            r.expect(ok, fourcc.description + " stride \(stride) unpacks")
            r.expect(Array(frame.luma.row(0)) + Array(frame.luma.row(1)) == [10, 11, 12, 13, 14, 15, 16, 17], fourcc.description + " luma in order, padding skipped")
            if let (cb, cr) = frame.chroma {
                let blue = (0..<cb.height).flatMap { Array(cb.row($0)) }, red = (0..<cr.height).flatMap { Array(cr.row($0)) }
                let expectedBlue: [UInt8] = fourcc == .yuyv ? [100, 101, 102, 103] : [100, 101]
                r.expect(blue == expectedBlue && red == expectedBlue.map { $0 + 100 }, fourcc.description + " chroma in order")
            }
            let short = bytes.dropLast(1)
            r.expect(!Array(short).withUnsafeBytes { PixelUnpacker.unpack($0, fourcc: fourcc, bytesPerLine: stride, into: frame) },
                     fourcc.description + " refuses a buffer one byte short")
        }
        r.expect(PixelUnpacker.chroma(for: FourCC("RGB3")!) == nil, "RGB goes to libv4lconvert")
        let narrow = Frame(width: 4, height: 2, format: .yuv422)
        r.expect(!packed(.yuyv, bytesPerLine: 8).withUnsafeBytes { PixelUnpacker.unpack($0, fourcc: .yuyv, bytesPerLine: 6, into: narrow) },
                 "YUYV refuses lines shorter than the picture's width")
    },
    SelfCheck("capture.unpack-yuyv-words") { r in
        // Widths with and without a last pixel pair after the four-pixel steps, against byte by byte.
        for width in [6, 8, 14] {
            let stride = 2 * width + 4, height = 3
            let bytes = (0..<(stride * height)).map { UInt8(truncatingIfNeeded: $0 &* 37 &+ 11) }
            let frame = Frame(width: width, height: height, format: .yuv422)
            r.expect(bytes.withUnsafeBytes { PixelUnpacker.unpack($0, fourcc: .yuyv, bytesPerLine: stride, into: frame) }, "width \(width) unpacks")
            guard let (cb, cr) = frame.chroma else { continue }
            var same = true
            for y in 0..<height {
                for x in 0..<width where frame.luma[x, y] != bytes[y * stride + 2 * x] { same = false }
                for x in 0..<(width / 2) where cb[x, y] != bytes[y * stride + 4 * x + 1] || cr[x, y] != bytes[y * stride + 4 * x + 3] { same = false }
            }
            r.expect(same, "width \(width): every luma and chroma byte where the byte-by-byte layout puts it")
        }
    },
    SelfCheck("capture.fourcc") { r in
        r.expect(FourCC("YUYV") == .yuyv && FourCC("NV12") == .nv12 && FourCC("GREY") == .grey, "known codes")
        r.expect(FourCC.yuyv.description == "YUYV", "description")
        r.expect(FourCC("YUY") == nil && FourCC("YUYVX") == nil, "length must be four")
        r.expect(FourCC(rawValue: 0x0000_0041).description == "A???", "unprintable bytes shown as ?")
    },
    SelfCheck("capture.frame-size") { r in
        r.expect(FrameSize("640x480") == FrameSize(width: 640, height: 480), "640x480")
        r.expect(FrameSize("640x480")?.description == "640x480", "description")
        for bad in ["640", "640x", "x480", "641x480", "640x480x2", "0x0", "99999x2", "-640x480"] {
            r.expect(FrameSize(bad) == nil, "rejects " + bad)
        }
    },
    SelfCheck("capture.statistics-rate-and-drops") { r in
        var statistics = StreamStatistics()
        r.expect(statistics.framesPerSecondHundredths == 0, "no rate before two frames")
        for frame in 0..<101 { statistics.record(sequence: UInt32(frame), receivedAtNanoseconds: Int64(frame) * 40_000_000) }
        r.expect(statistics.frames == 101 && statistics.dropped == 0, "101 frames, none dropped")
        r.expect(statistics.framesPerSecondHundredths == 2500, "40 ms apart is 25.00 fps")
        r.expect(statistics.elapsedMilliseconds == 4000, "elapsed")
        statistics.record(sequence: 104, receivedAtNanoseconds: 4_160_000_000)
        r.expect(statistics.dropped == 3, "a gap of 3 sequence numbers is 3 drops")
    },
    SelfCheck("capture.statistics-sequence-wraps") { r in
        var statistics = StreamStatistics()
        statistics.record(sequence: UInt32.max - 1, receivedAtNanoseconds: 0)
        statistics.record(sequence: UInt32.max, receivedAtNanoseconds: 1)
        statistics.record(sequence: 0, receivedAtNanoseconds: 2)
        statistics.record(sequence: 2, receivedAtNanoseconds: 3)
        r.expect(statistics.dropped == 1, "wrap is not a drop; the gap after it is")
        // A driver that restarts its count (stream restart) must not count four billion drops.
        statistics.record(sequence: 0, receivedAtNanoseconds: 4)
        r.expect(statistics.dropped == 1, "a counter reset is not a drop")
    },
    SelfCheck("capture.measure-scripted-stream") { r in
        let clock = ManualClock()
        var sequences = [UInt32](0..<50)
        sequences += [55, 56]
        let camera = ScriptedFrameSource(sequences: sequences, clock: clock, intervalMilliseconds: 40)
        do throws(DeviceError) {
            let statistics = try measureStream(camera, frames: 52, clock: clock, timeoutMilliseconds: 500)
            r.expect(statistics.frames == 52, "all frames counted")
            r.expect(statistics.dropped == 5, "sequence gap 49 -> 55 is five drops (50...54)")
            r.expect(statistics.framesPerSecondHundredths == 2500, "rate from the clock")
            _ = try measureStream(camera, frames: 1, clock: clock, timeoutMilliseconds: 500)
            r.fail("an exhausted camera delivered a frame")
        } catch {
            r.expect(error.message.includes("no frame within 500 ms"), "timeout is reported: " + error.message)
        }
    },
    SelfCheck("text.decimal") { r in
        r.expect(decimalText(2506, fractionDigits: 2) == "25.06", "25.06")
        r.expect(decimalText(5, fractionDigits: 3) == "0.005", "leading zeros in the fraction")
        r.expect(decimalText(-1234, fractionDigits: 1) == "-123.4", "negative")
        r.expect(decimalText(42, fractionDigits: 0) == "42", "no fraction")
        r.expect("vigil probe".includes("probe") && !"vigil".includes("probe") && "x".includes(""), "includes")
    },
]
