import CV4L2
import VigilCore

/// libv4lconvert turning a pixel format vigil does not unpack itself (RGB, UYVY, MJPEG, Bayer,
/// ...) into planar 4:2:0 (YU12), through one buffer allocated for the stream.
final class V4LConversion {
    private let data: OpaquePointer
    private var source = v4l2_format()
    private var destination = v4l2_format()
    private let output: UnsafeMutableRawBufferPointer

    init(cameraDescriptor: Int32, format: CaptureFormat) throws(DeviceError) {
        guard let created = v4lconvert_create(cameraDescriptor) else {
            throw DeviceError("libv4lconvert", hint: "cannot set up the conversion (out of memory?)")
        }
        data = created
        source.type = V4L2_BUF_TYPE_VIDEO_CAPTURE.rawValue
        source.fmt.pix.width = UInt32(format.width)
        source.fmt.pix.height = UInt32(format.height)
        source.fmt.pix.pixelformat = format.fourcc.rawValue
        source.fmt.pix.bytesperline = UInt32(format.bytesPerLine)
        source.fmt.pix.sizeimage = UInt32(format.imageBytes)
        source.fmt.pix.field = V4L2_FIELD_NONE.rawValue
        destination = source
        destination.fmt.pix.pixelformat = PixelUnpacker.yu12.rawValue
        destination.fmt.pix.bytesperline = UInt32(format.width)
        destination.fmt.pix.sizeimage = UInt32(format.width * format.height + 2 * (format.width / 2) * ((format.height + 1) / 2))
        output = .allocate(byteCount: Int(destination.fmt.pix.sizeimage), alignment: 16)
    }

    deinit {
        output.deallocate()
        v4lconvert_destroy(data)
    }

    /// Converts one buffer into `frame` (4:2:0); nil, or why it failed (a corrupt MJPEG frame).
    func convert(_ bytes: UnsafeRawBufferPointer, into frame: Frame) -> String? {
        guard let base = bytes.baseAddress else { return "empty buffer" }
        let written = v4lconvert_convert(data, &source, &destination,
                                         UnsafeMutablePointer(mutating: base.assumingMemoryBound(to: UInt8.self)), Int32(bytes.count),
                                         output.baseAddress!.assumingMemoryBound(to: UInt8.self), Int32(output.count))
        guard written >= 0 else { return String(cString: v4lconvert_get_error_message(data)) }
        guard PixelUnpacker.unpack(UnsafeRawBufferPointer(output), fourcc: PixelUnpacker.yu12,
                                   bytesPerLine: Int(destination.fmt.pix.bytesperline), into: frame) else {
            return "libv4lconvert returned \(written) bytes, short of a \(frame.luma.width)x\(frame.luma.height) picture"
        }
        return nil
    }
}
