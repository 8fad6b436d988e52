/// A Motion-JPEG AVI (RIFF AVI 1.0 with an idx1 index) from JPEG frames: the export format
/// that ffmpeg, VLC and court-room players all read without a codec pack.
public enum MotionJPEGAVI {
    /// The file, or nil when the first frame is not a JPEG or the frames exceed AVI 1.0's 1 GB.
    /// `microsecondsPerFrame` sets the playback rate.
    public static func make(frames: [[UInt8]], microsecondsPerFrame: Int) -> [UInt8]? {
        guard let first = frames.first, let (width, height) = jpegDimensions(first) else { return nil }
        var movieBytes = 0
        for frame in frames { movieBytes += 8 + frame.count + (frame.count & 1) }
        guard movieBytes < 1 << 30 else { return nil }
        let largest = frames.reduce(0) { max($0, $1.count) }
        let perFrame = UInt32(clamping: max(1, microsecondsPerFrame))

        var out = ByteWriter(capacity: movieBytes + 16 * frames.count + 512)
        out.fourCC("RIFF"); out.append(UInt32(0)); out.fourCC("AVI ")
        let headerList = out.beginList("hdrl")
        out.fourCC("avih"); out.append(UInt32(56))
        out.append(perFrame)
        out.append(UInt32(clamping: largest * 1_000_000 / Int(perFrame)))
        out.append(UInt32(0))                    // padding granularity
        out.append(UInt32(0x10))                 // AVIF_HASINDEX
        out.append(UInt32(frames.count))
        out.append(UInt32(0))                    // initial frames
        out.append(UInt32(1))                    // streams
        out.append(UInt32(largest))
        out.append(UInt32(width)); out.append(UInt32(height))
        for _ in 0..<4 { out.append(UInt32(0)) }
        let streamList = out.beginList("strl")
        out.fourCC("strh"); out.append(UInt32(56))
        out.fourCC("vids"); out.fourCC("MJPG")
        out.append(UInt32(0)); out.append(UInt16(0)); out.append(UInt16(0)); out.append(UInt32(0))
        out.append(perFrame)                     // scale: rate / scale = frames per second
        out.append(UInt32(1_000_000))            // rate
        out.append(UInt32(0))                    // start
        out.append(UInt32(frames.count))
        out.append(UInt32(largest))
        out.append(UInt32.max)                   // quality: default
        out.append(UInt32(0))                    // sample size: varies
        out.append(Int16(0)); out.append(Int16(0)); out.append(Int16(clamping: width)); out.append(Int16(clamping: height))
        out.fourCC("strf"); out.append(UInt32(40))
        out.append(UInt32(40)); out.append(Int32(width)); out.append(Int32(height))
        out.append(UInt16(1)); out.append(UInt16(24)); out.fourCC("MJPG")
        out.append(UInt32(width * height * 3))
        for _ in 0..<4 { out.append(UInt32(0)) }
        out.endList(streamList)
        out.endList(headerList)

        let movie = out.beginList("movi")
        let movieStart = movie + 8                  // offsets in idx1 count from the 'movi' fourcc
        var index = ByteWriter(capacity: 16 * frames.count)
        for frame in frames {
            index.fourCC("00dc"); index.append(UInt32(0x10)); index.append(UInt32(out.bytes.count - movieStart)); index.append(UInt32(frame.count))
            out.fourCC("00dc"); out.append(UInt32(frame.count)); out.append(frame)
            if frame.count & 1 == 1 { out.append(UInt8(0)) }
        }
        out.endList(movie)
        out.fourCC("idx1"); out.append(UInt32(index.bytes.count)); out.append(index.bytes)
        out.patch(UInt32(out.bytes.count - 8), at: 4)
        return out.bytes
    }
}

extension ByteWriter {
    mutating func fourCC(_ code: String) { append(Array(code.utf8)) }

    /// Starts a RIFF LIST; returns where its size goes, for `endList`.
    mutating func beginList(_ type: String) -> Int {
        fourCC("LIST")
        let sizeAt = bytes.count
        append(UInt32(0))
        fourCC(type)
        return sizeAt - 4
    }

    mutating func endList(_ start: Int) { patch(UInt32(bytes.count - start - 8), at: start + 4) }
}
