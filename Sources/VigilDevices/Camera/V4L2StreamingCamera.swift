import VigilCore

/// What the configuration asks of the camera.
public struct CameraRequest: Sendable {
    public var device = "/dev/video0"
    public var width = 640
    public var height = 480
    /// nil: the first the driver offers of YUYV, NV12, YU12, GREY, else whatever libv4lconvert takes.
    public var fourcc: FourCC? = nil
    public var framesPerSecond = 15
    public var buffers = 4

    public init() {}
}

/// The unit's camera on the board: a V4L2 capture node streamed by mmap, its buffers unpacked
/// (or converted by libv4lconvert) into frames. Reconnects from scratch on every `connect`.
public final class V4L2StreamingCamera: Camera {
    public let request: CameraRequest
    private var camera: V4L2Camera?
    private var format: CaptureFormat?
    private var conversion: V4LConversion?
    public private(set) var buffersToFill: DriverBuffers? = nil

    public init(request: CameraRequest) { self.request = request }

    public var name: String { request.device }

    /// The formats vigil unpacks itself, in order of preference (cheapest first).
    static let nativeOrder: [FourCC] = [.yuyv, .nv12, PixelUnpacker.yu12, .grey]

    public func connect() throws(DeviceError) -> CameraMode {
        disconnect()
        let opened = try V4L2Camera(path: request.device)
        let offered = opened.formats()
        let wanted: FourCC
        if let asked = request.fourcc {
            guard offered.contains(where: { $0.fourcc == asked }) else {
                throw DeviceError(request.device + " does not offer " + asked.description,
                                  hint: "set [camera] format to one of " + commaSeparated(offered.map { $0.fourcc.description }) + ", or auto")
            }
            wanted = asked
        } else if let native = V4L2StreamingCamera.nativeOrder.first(where: { format in offered.contains { $0.fourcc == format } }) {
            wanted = native
        } else if let first = offered.first {
            wanted = first.fourcc
        } else {
            throw DeviceError(request.device, hint: "the driver lists no capture format; check the camera (v4l2-ctl --list-formats-ext)")
        }
        let negotiated = try opened.setFormat(width: request.width, height: request.height, fourcc: wanted)
        guard negotiated.fourcc == wanted else {
            throw DeviceError(request.device + " switched " + wanted.description + " to " + negotiated.fourcc.description,
                              hint: "set [camera] format to a format the camera keeps")
        }
        var interval = (numerator: 1, denominator: request.framesPerSecond)
        do throws(DeviceError) { interval = try opened.setFrameRate(request.framesPerSecond) } catch {
            // A source with a fixed rate (an HDMI input follows its timings) still streams.
            interval = (0, 0)
        }
        let chroma: ChromaFormat
        if let native = PixelUnpacker.chroma(for: negotiated.fourcc) {
            chroma = native
            conversion = nil
        } else {
            chroma = .yuv420
            conversion = try V4LConversion(cameraDescriptor: opened.descriptor, format: negotiated)
        }
        try opened.startStreaming(bufferCount: request.buffers)
        camera = opened
        format = negotiated
        return CameraMode(width: negotiated.width, height: negotiated.height, fourcc: negotiated.fourcc, chroma: chroma,
                          convertedByLibrary: conversion != nil, intervalNumerator: interval.numerator, intervalDenominator: interval.denominator)
    }

    public func capture(into frame: Frame, timeoutMilliseconds: Int32) throws(CaptureError) -> UInt32 {
        guard let camera, let format else {
            throw .lost(DeviceError("capture from " + request.device, hint: "the camera is not connected"))
        }
        let outcome: (sequence: UInt32, problem: String?)
        do throws(DeviceError) {
            outcome = try camera.withNextFrame(timeoutMilliseconds: timeoutMilliseconds) { captured in
                buffersToFill = captured.buffersToFill
                if let conversion { return (captured.sequence, conversion.convert(captured.bytes, into: frame)) }
                let whole = PixelUnpacker.unpack(captured.bytes, fourcc: format.fourcc, bytesPerLine: format.bytesPerLine, into: frame)
                return (captured.sequence, whole ? nil : "\(captured.bytes.count) bytes, short of a \(format.width)x\(format.height) " + format.fourcc.description + " picture")
            }
        } catch {
            throw .lost(error)
        }
        if let problem = outcome.problem { throw .corruptFrame("frame \(outcome.sequence): " + problem) }
        return outcome.sequence
    }

    public func disconnect() {
        buffersToFill = nil
        conversion = nil
        camera = nil
        format = nil
    }
}
