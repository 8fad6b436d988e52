import CSystem
import CV4L2
import VigilCore

/// What the driver says about itself (VIDIOC_QUERYCAP).
public struct CameraIdentity: Sendable {
    public let driver: String
    public let card: String
    public let busInfo: String
}

/// One entry of VIDIOC_ENUM_FMT.
public struct PixelFormatDescription: Sendable {
    public let fourcc: FourCC
    public let name: String
    public let compressed: Bool
}

/// The format the driver actually accepted, which may differ from the one asked for.
public struct CaptureFormat: Equatable, Sendable {
    public let width: Int
    public let height: Int
    public let fourcc: FourCC
    public let bytesPerLine: Int
    public let imageBytes: Int
}

/// A V4L2 capture device driven with raw ioctls and mmap streaming.
public final class V4L2Camera: FrameSource {
    public let path: String
    public let identity: CameraIdentity
    private let fd: FileDescriptor
    private var buffers: [MemoryMapping] = []
    private var streaming = false

    public init(path: String) throws(DeviceError) {
        self.path = path
        // Non-blocking, so a camera that stops delivering is noticed by poll's timeout
        // instead of hanging the unit in DQBUF.
        switch FileDescriptor.open(path, flags: O_RDWR | O_NONBLOCK) {
        case .success(let opened): fd = opened
        case .failure(let error): throw DeviceError("open camera " + path, errno: error, hint: V4L2Camera.openHint(error))
        }
        var capability = v4l2_capability()
        if let error = fd.control(VIGIL_VIDIOC_QUERYCAP, &capability) {
            throw DeviceError("VIDIOC_QUERYCAP on " + path, errno: error, hint: "is this a V4L2 video device? (v4l2-ctl --list-devices)")
        }
        identity = CameraIdentity(
            driver: cString(capability.driver), card: cString(capability.card), busInfo: cString(capability.bus_info))
        let caps = capability.capabilities & UInt32(V4L2_CAP_DEVICE_CAPS) != 0 ? capability.device_caps : capability.capabilities
        guard caps & UInt32(V4L2_CAP_VIDEO_CAPTURE) != 0 else {
            throw DeviceError(path + " (" + identity.driver + ")", hint: "not a video capture node; pick the camera's capture device in the configuration")
        }
        guard caps & UInt32(V4L2_CAP_STREAMING) != 0 else {
            throw DeviceError(path + " (" + identity.driver + ")", hint: "driver does not support streaming I/O, which vigil needs")
        }
    }

    deinit { stopStreaming() }

    /// For libv4lconvert, which queries the device it converts for.
    var descriptor: Int32 { fd.rawValue }

    static func openHint(_ error: Errno) -> String {
        switch error {
        case .noSuchFile, .noSuchDevice: return "is the camera connected and its driver loaded? (ls /dev/video*)"
        case .permissionDenied: return "add the vigil user to the 'video' group or fix the device permissions"
        case .busy: return "another program holds the camera; stop it (fuser -v /dev/video*)"
        default: return "check the camera and its driver (dmesg)"
        }
    }

    /// The pixel formats the driver offers for capture.
    public func formats() -> [PixelFormatDescription] {
        var result: [PixelFormatDescription] = []
        var index: UInt32 = 0
        while true {
            var description = v4l2_fmtdesc()
            description.index = index
            description.type = V4L2_BUF_TYPE_VIDEO_CAPTURE.rawValue
            if fd.control(VIGIL_VIDIOC_ENUM_FMT, &description) != nil { break }
            result.append(PixelFormatDescription(
                fourcc: FourCC(rawValue: description.pixelformat), name: cString(description.description),
                compressed: description.flags & UInt32(V4L2_FMT_FLAG_COMPRESSED) != 0))
            index += 1
        }
        return result
    }

    /// Asks for a size and pixel format; returns what the driver chose (it may adjust both).
    public func setFormat(width: Int, height: Int, fourcc: FourCC) throws(DeviceError) -> CaptureFormat {
        var format = v4l2_format()
        format.type = V4L2_BUF_TYPE_VIDEO_CAPTURE.rawValue
        format.fmt.pix.width = UInt32(width)
        format.fmt.pix.height = UInt32(height)
        format.fmt.pix.pixelformat = fourcc.rawValue
        format.fmt.pix.field = V4L2_FIELD_NONE.rawValue
        if let error = fd.control(VIGIL_VIDIOC_S_FMT, &format) {
            throw DeviceError("VIDIOC_S_FMT \(width)x\(height) " + fourcc.description + " on " + path, errno: error,
                              hint: error == .busy ? "the camera is streaming for another program" : "choose a mode from the camera's format list")
        }
        return CaptureFormat(
            width: Int(format.fmt.pix.width), height: Int(format.fmt.pix.height),
            fourcc: FourCC(rawValue: format.fmt.pix.pixelformat),
            bytesPerLine: Int(format.fmt.pix.bytesperline), imageBytes: Int(format.fmt.pix.sizeimage))
    }

    /// Sets the frame interval to 1/fps (drivers default to anything, vivid to 5 fps) and
    /// returns the interval the driver settled on as (numerator, denominator).
    public func setFrameRate(_ framesPerSecond: Int) throws(DeviceError) -> (numerator: Int, denominator: Int) {
        var parameters = v4l2_streamparm()
        parameters.type = V4L2_BUF_TYPE_VIDEO_CAPTURE.rawValue
        parameters.parm.capture.timeperframe = v4l2_fract(numerator: 1, denominator: UInt32(framesPerSecond))
        if let error = fd.control(VIGIL_VIDIOC_S_PARM, &parameters) {
            throw DeviceError("VIDIOC_S_PARM \(framesPerSecond) fps on " + path, errno: error, hint: "the driver cannot set a frame rate; check its modes")
        }
        guard parameters.parm.capture.capability & UInt32(V4L2_CAP_TIMEPERFRAME) != 0 else {
            throw DeviceError(path + " (" + identity.driver + ")", hint: "driver has a fixed frame rate; set camera rate to what it delivers")
        }
        let interval = parameters.parm.capture.timeperframe
        return (Int(interval.numerator), Int(interval.denominator))
    }

    /// Allocates `bufferCount` driver buffers, maps them, queues them all and starts the stream.
    public func startStreaming(bufferCount: Int = 4) throws(DeviceError) {
        stopStreaming()
        var request = v4l2_requestbuffers()
        request.count = UInt32(bufferCount)
        request.type = V4L2_BUF_TYPE_VIDEO_CAPTURE.rawValue
        request.memory = V4L2_MEMORY_MMAP.rawValue
        if let error = fd.control(VIGIL_VIDIOC_REQBUFS, &request) {
            throw DeviceError("VIDIOC_REQBUFS on " + path, errno: error, hint: "the driver has no mmap buffers free; is another program streaming?")
        }
        guard request.count >= 2 else {
            throw DeviceError("VIDIOC_REQBUFS on " + path, hint: "driver granted \(request.count) buffer(s); streaming needs at least 2")
        }
        for index in 0..<request.count {
            var buffer = describedBuffer(index: index)
            if let error = fd.control(VIGIL_VIDIOC_QUERYBUF, &buffer) {
                throw DeviceError("VIDIOC_QUERYBUF on " + path, errno: error, hint: "driver error; see dmesg")
            }
            do throws(Errno) {
                buffers.append(try MemoryMapping(fd: fd, length: Int(buffer.length), offset: Int(buffer.m.offset)))
            } catch {
                throw DeviceError("mmap of camera buffer \(index)", errno: error, hint: "out of memory or driver error")
            }
            if let error = fd.control(VIGIL_VIDIOC_QBUF, &buffer) {
                throw DeviceError("VIDIOC_QBUF on " + path, errno: error, hint: "driver error; see dmesg")
            }
        }
        var type = Int32(V4L2_BUF_TYPE_VIDEO_CAPTURE.rawValue)
        if let error = fd.control(VIGIL_VIDIOC_STREAMON, &type) {
            throw DeviceError("VIDIOC_STREAMON on " + path, errno: error, hint: "the camera refused to start; check cabling and dmesg")
        }
        streaming = true
    }

    public func stopStreaming() {
        if streaming {
            var type = Int32(V4L2_BUF_TYPE_VIDEO_CAPTURE.rawValue)
            _ = fd.control(VIGIL_VIDIOC_STREAMOFF, &type)
            streaming = false
        }
        if !buffers.isEmpty {
            buffers.removeAll()
            // Give the driver's buffers back so the format can change or another program can stream.
            var release = v4l2_requestbuffers()
            release.type = V4L2_BUF_TYPE_VIDEO_CAPTURE.rawValue
            release.memory = V4L2_MEMORY_MMAP.rawValue
            _ = fd.control(VIGIL_VIDIOC_REQBUFS, &release)
        }
    }

    public func withNextFrame<R>(timeoutMilliseconds: Int32, _ body: (CapturedFrame) -> R) throws(DeviceError) -> R {
        guard streaming else { throw DeviceError("capture from " + path, hint: "streaming has not been started") }
        var buffer = describedBuffer(index: 0)
        while let error = fd.control(VIGIL_VIDIOC_DQBUF, &buffer) {
            guard error == .wouldBlock else {
                throw DeviceError("VIDIOC_DQBUF on " + path, errno: error,
                                  hint: error == .noSuchDevice ? "the camera disappeared (unplugged or driver reset)" : "driver error; see dmesg")
            }
            switch fd.waitReadable(timeoutMilliseconds: timeoutMilliseconds) {
            case .success(true): continue
            case .success(false):
                throw DeviceError("capture from " + path, hint: "no frame within \(timeoutMilliseconds) ms; is the camera unplugged or its driver stalled?")
            case .failure(let error):
                throw DeviceError("poll on " + path, errno: error, hint: "driver error; see dmesg")
            }
        }
        let mapping = buffers[Int(buffer.index)]
        let used = min(Int(buffer.bytesused), mapping.bytes.count)
        let result = body(CapturedFrame(sequence: buffer.sequence, bytes: UnsafeRawBufferPointer(rebasing: mapping.bytes[0..<used]),
                                        buffersToFill: queuedBuffers(besides: buffer.index)))
        if let error = fd.control(VIGIL_VIDIOC_QBUF, &buffer) {
            throw DeviceError("VIDIOC_QBUF on " + path, errno: error, hint: "driver error; see dmesg")
        }
        return result
    }

    /// The other buffers the driver holds to fill (QUEUED; not yet DONE): one ioctl each.
    private func queuedBuffers(besides taken: UInt32) -> DriverBuffers? {
        var queued = 0
        for index in 0..<UInt32(buffers.count) where index != taken {
            var other = describedBuffer(index: index)
            guard fd.control(VIGIL_VIDIOC_QUERYBUF, &other) == nil else { return nil }
            if other.flags & UInt32(V4L2_BUF_FLAG_QUEUED) != 0 { queued += 1 }
        }
        return DriverBuffers(queued: queued, total: buffers.count)
    }

    private func describedBuffer(index: UInt32) -> v4l2_buffer {
        var buffer = v4l2_buffer()
        buffer.index = index
        buffer.type = V4L2_BUF_TYPE_VIDEO_CAPTURE.rawValue
        buffer.memory = V4L2_MEMORY_MMAP.rawValue
        return buffer
    }
}

/// A NUL-terminated fixed-size C char array (imported as a tuple) as a String.
func cString<Tuple>(_ tuple: Tuple) -> String {
    withUnsafeBytes(of: tuple) { raw in
        let bytes = raw.bindMemory(to: UInt8.self)
        let end = bytes.firstIndex(of: 0) ?? bytes.count
        return String(decoding: UnsafeBufferPointer(rebasing: bytes[0..<end]), as: UTF8.self)
    }
}
