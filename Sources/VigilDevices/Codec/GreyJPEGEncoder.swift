import CTurboJPEG
import VigilCore

/// Encodes grey planes as baseline JPEG with libturbojpeg, reusing one output buffer (turbojpeg
/// grows it when a frame needs more), so steady-state encoding allocates nothing in C.
public final class GreyJPEGEncoder {
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

    /// Lends the JPEG of `plane` to `body`; the bytes are valid only inside it.
    public func encode<Result>(_ plane: Plane, _ body: (UnsafeRawBufferPointer) -> Result) throws(DeviceError) -> Result {
        var size = capacity
        let status = tjCompress2(handle, plane.pixels.baseAddress, Int32(plane.width), Int32(plane.stride), Int32(plane.height),
                                 Int32(TJPF_GRAY.rawValue), &buffer, &size, Int32(TJSAMP_GRAY.rawValue), quality, 0)
        guard status == 0, let buffer else { throw DeviceError("JPEG encode", hint: String(cString: tjGetErrorStr2(handle))) }
        capacity = max(capacity, size)
        return body(UnsafeRawBufferPointer(start: buffer, count: Int(size)))
    }
}
