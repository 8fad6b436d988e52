import CTurboJPEG
import VigilCore
import VigilDevices
import VigilPrivacy

/// JPEG straight from the planes of a redacted frame (libturbojpeg, no colour conversion),
/// reusing one output buffer. It takes a `RedactedFrame` only: an unredacted picture cannot
/// be encoded, and so cannot reach the pre-event ring, a clip or a snapshot.
/// 4:2:2 frames (YUYV cameras) are encoded as 4:2:0, their chroma rows averaged in pairs:
/// evidence needs no more colour resolution than that, and the JPEG is a fifth smaller and
/// quicker to make, which is what the pre-event ring and the flash hold.
public final class RedactedJPEGEncoder {
    private let handle: tjhandle
    private var buffer: UnsafeMutablePointer<UInt8>? = nil
    private var capacity: UInt = 0
    public let quality: Int32
    /// The 4:2:0 chroma of a 4:2:2 frame, made once for the stream's size.
    private var halved: (cb: Plane, cr: Plane)?

    public init(quality: Int) throws(DeviceError) {
        guard let handle = tjInitCompress() else { throw DeviceError("turbojpeg init", hint: "out of memory?") }
        self.handle = handle
        self.quality = Int32(quality)
    }

    deinit {
        tjFree(buffer)
        tjDestroy(handle)
    }

    /// Lends the JPEG of `frame` to `body`; the bytes are valid only inside it.
    public func encode<Result>(_ frame: borrowing RedactedFrame, _ body: (UnsafeRawBufferPointer) -> Result) throws(DeviceError) -> Result {
        var size = capacity
        let handle = self.handle, quality = self.quality
        let status: Int32 = frame.read { luma, chroma in
            var sampling: TJSAMP
            switch frame.format {
            case .mono: sampling = TJSAMP_GRAY
            case .yuv420: sampling = TJSAMP_420
            case .yuv422: sampling = TJSAMP_422
            case .yuv444: sampling = TJSAMP_444
            }
            var planes: [UnsafePointer<UInt8>?] = [UnsafePointer(luma.pixels.baseAddress)]
            var strides: [Int32] = [Int32(luma.stride)]
            var chroma = chroma
            if sampling == TJSAMP_422, let full = chroma {
                chroma = halve(full)
                sampling = TJSAMP_420
            }
            if let chroma {
                planes += [UnsafePointer(chroma.cb.pixels.baseAddress), UnsafePointer(chroma.cr.pixels.baseAddress)]
                strides += [Int32(chroma.cb.stride), Int32(chroma.cr.stride)]
            }
            return planes.withUnsafeMutableBufferPointer { planePointers in
                tjCompressFromYUVPlanes(handle, planePointers.baseAddress, Int32(luma.width), strides, Int32(luma.height),
                                        Int32(sampling.rawValue), &buffer, &size, quality, 0)
            }
        }
        guard status == 0, let buffer else { throw DeviceError("JPEG encode", hint: String(cString: tjGetErrorStr2(handle))) }
        capacity = max(capacity, size)
        return body(UnsafeRawBufferPointer(start: buffer, count: Int(size)))
    }

    /// Averages each pair of chroma rows (the last row alone when the height is odd).
    private func halve(_ chroma: (cb: Plane, cr: Plane)) -> (cb: Plane, cr: Plane) {
        let width = chroma.cb.width, height = (chroma.cb.height + 1) / 2
        if halved == nil || halved?.cb.width != width || halved?.cb.height != height {
            halved = (Plane(width: width, height: height), Plane(width: width, height: height))
        }
        let out = halved!
        for (source, target) in [(chroma.cb, out.cb), (chroma.cr, out.cr)] {
            for y in 0..<height {
                let top = source.row(2 * y), bottom = source.row(min(2 * y + 1, source.height - 1)), row = target.row(y)
                for x in 0..<width { row[x] = UInt8((UInt16(top[x]) + UInt16(bottom[x]) + 1) >> 1) }
            }
        }
        return out
    }
}
