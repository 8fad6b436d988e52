import VigilCore

private func header(_ text: String) -> Result<Y4MHeader, Y4MError> {
    do throws(Y4MError) { return .success(try Y4MHeader(parsing: Array(text.utf8))) } catch { return .failure(error) }
}

/// A stream of `frames` 4x2 4:2:0 frames whose bytes count up from `first`.
private func stream(frames: Int, marker: String = "FRAME", cutAfter: Int? = nil) -> [UInt8] {
    var bytes = Array("YUV4MPEG2 W4 H2 F25:1 C420jpeg\n".utf8)
    for frame in 0..<frames {
        bytes += Array((marker + "\n").utf8)
        for i in 0..<12 { bytes.append(UInt8(frame * 16 + i)) }
    }
    if let cutAfter { bytes.removeLast(bytes.count - cutAfter) }
    return bytes
}

private func readAll(_ bytes: [UInt8], chunk: Int) -> (frames: [[UInt8]], error: Y4MError?) {
    var frames: [[UInt8]] = []
    do throws(Y4MError) {
        let reader = try Y4MReader(MemoryByteSource(bytes, chunk: chunk))
        let frame = reader.makeFrame()
        while try reader.read(into: frame) {
            var copy: [UInt8] = []
            for plane in frame.planes { for y in 0..<plane.height { copy += Array(plane.row(y)) } }
            frames.append(copy)
        }
        return (frames, nil)
    } catch {
        return (frames, error)
    }
}

let y4mChecks: [SelfCheck] = [
    SelfCheck("y4m.header-as-ffmpeg-writes-it") { r in
        guard case .success(let h) = header("YUV4MPEG2 W640 H480 F30:1 Ip A1:1 Cmono XCOLORRANGE=FULL") else { return r.fail("rejected") }
        r.expect(h == Y4MHeader(width: 640, height: 480, frameRateNumerator: 30, frameRateDenominator: 1, chroma: .mono), "fields")
        r.expect(h.frameBytes == 640 * 480, "mono frame is luma only")
        r.expect(h.milliseconds(atFrame: 45) == 1500, "frame 45 at 30 fps is 1500 ms")
    },
    SelfCheck("y4m.colour-spaces-and-odd-sizes") { r in
        guard case .success(let plain) = header("YUV4MPEG2 W5 H3 F30000:1001") else { return r.fail("rejected") }
        r.expect(plain.chroma == .yuv420, "no C parameter means 4:2:0")
        r.expect(plain.frameBytes == 15 + 2 * 3 * 2, "odd sizes round the chroma planes up")
        r.expect(plain.milliseconds(atFrame: 30) == 1001, "NTSC rate in integers")
        guard case .success(let avi) = header("YUV4MPEG2 W4 H4 F214748359:3579125") else { return r.fail("AVI time base rejected") }
        r.expect(avi.milliseconds(atFrame: 60) == 999, "a 32-bit AVI time base (60.0002 fps; 999.996 ms floored)")
        for (name, format) in [("420paldv", ChromaFormat.yuv420), ("420mpeg2", .yuv420), ("420", .yuv420), ("422", .yuv422), ("444", .yuv444)] {
            guard case .success(let h) = header("YUV4MPEG2 W4 H4 F25:1 C" + name) else { r.fail("C" + name + " rejected"); continue }
            r.expect(h.chroma == format, "C" + name)
        }
        guard case .success(let wide) = header("YUV4MPEG2 W4 H4 F25:1 C422") else { return r.fail("C422") }
        r.expect(wide.frameBytes == 16 + 2 * 2 * 4, "4:2:2 halves the width only")
    },
    SelfCheck("y4m.header-errors") { r in
        let cases: [(String, Y4MError)] = [
            ("P5 640 480", .notY4M),
            ("YUV4MPEG2 H480 F25:1", .missingParameter("W and H (the frame size)")),
            ("YUV4MPEG2 W640 H480", .missingParameter("F (the frame rate)")),
            ("YUV4MPEG2 W0 H480 F25:1", .badParameter("W0 (sizes from 1 to 8192)")),
            ("YUV4MPEG2 W9000 H480 F25:1", .badParameter("W9000 (sizes from 1 to 8192)")),
            ("YUV4MPEG2 W640 H480 F25:0", .badParameter("F25:0 (a frame rate such as F25:1 or F30000:1001)")),
            ("YUV4MPEG2 W640 H480 F25:1 C420p10", .unsupportedColourSpace("420p10")),
            ("YUV4MPEG2 W640 H480 F25:1 Z7", .badParameter("Z7")),
        ]
        for (text, expected) in cases {
            switch header(text) {
            case .success: r.fail("accepted: " + text)
            case .failure(let error): r.expect(error == expected, text + " -> " + error.message)
            }
        }
    },
    SelfCheck("y4m.reads-frames-from-a-trickling-pipe") { r in
        for chunk in [1, 3, 7, 1000] {
            let result = readAll(stream(frames: 3), chunk: chunk)
            r.expect(result.error == nil, "no error with \(chunk)-byte reads")
            r.expect(result.frames.count == 3, "three frames with \(chunk)-byte reads")
            r.expect(result.frames.last == (32..<44).map { UInt8($0) }, "planes in order Y, Cb, Cr")
        }
        r.expect(readAll(stream(frames: 1, marker: "FRAME Ixyz"), chunk: 5).frames.count == 1, "frame parameters are allowed")
        r.expect(readAll(stream(frames: 0), chunk: 5).frames.isEmpty, "a stream with no frame is empty, not an error")
    },
    SelfCheck("y4m.damaged-streams") { r in
        let cut = readAll(stream(frames: 2, cutAfter: 31 + 6 + 12 + 6 + 5), chunk: 4)
        r.expect(cut.frames.count == 1, "the complete frame before the cut is delivered")
        r.expect(cut.error == .truncatedFrame(frame: 1, got: 5, expected: 12), "truncation reported with counts")
        let marker = readAll(stream(frames: 2, marker: "FRAMX"), chunk: 4)
        r.expect(marker.error == .badFrameMarker(frame: 0), "bad frame marker")
        let glued = readAll(stream(frames: 1, marker: "FRAMEX"), chunk: 4)
        r.expect(glued.error == .badFrameMarker(frame: 0), "FRAMEX is not FRAME")
        r.expect(readAll([], chunk: 4).error == .emptyStream, "empty input")
        let endless = Array("YUV4MPEG2 ".utf8) + [UInt8](repeating: 0x41, count: 5000)
        r.expect(readAll(endless, chunk: 512).error == .headerTooLong, "a header without end is refused, not buffered")
    },
]
