import CTurboJPEG
import VigilCore
import VigilDevices
import VigilPrivacy

/// JPEG straight from the planes of a redacted frame (libturbojpeg, no colour conversion),
/// reusing one output buffer. It takes a `RedactedFrame` only: an unredacted picture cannot
/// be encoded, and so cannot reach the pre-event ring, a clip or a snapshot.
public final class RedactedJPEGEncoder {
    private let handle: tjhandle
    private var buffer: UnsafeMutablePointer<UInt8>? = nil
    private var capacity: UInt = 0
    public let quality: Int32

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
            let sampling: TJSAMP
            switch frame.format {
            case .mono: sampling = TJSAMP_GRAY
            case .yuv420: sampling = TJSAMP_420
            case .yuv422: sampling = TJSAMP_422
            case .yuv444: sampling = TJSAMP_444
            }
            var planes: [UnsafePointer<UInt8>?] = [UnsafePointer(luma.pixels.baseAddress)]
            var strides: [Int32] = [Int32(luma.stride)]
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
}
