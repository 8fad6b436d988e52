import VigilCore
import VigilDevices

/// A YUV4MPEG2 file played as the camera, in real time at the file's frame rate: a unit run on
/// a site's recorded footage (an integrator checking zones and thresholds, `make bench`). When
/// the file ends the camera reports `.ended` and the daemon stops.
public final class RecordedFootageCamera: Camera {
    public let path: String
    private let clock: any MonotonicClock
    private var reader: Y4MReader<FileByteSource>?
    private var startNanoseconds: Int64 = 0
    private var damaged = false

    public init(path: String, clock: any MonotonicClock) {
        self.path = path
        self.clock = clock
    }

    public var name: String { path }

    public func connect() throws(DeviceError) -> CameraMode {
        let source = try FileByteSource(path: path)
        let opened: Y4MReader<FileByteSource>
        do throws(Y4MError) { opened = try Y4MReader(source) } catch {
            throw DeviceError(path, hint: error.message + "; [camera] device takes a V4L2 node or a .y4m file")
        }
        reader = opened
        damaged = false
        startNanoseconds = clock.nanoseconds
        let header = opened.header
        return CameraMode(width: header.width, height: header.height, fourcc: FourCC("Y4M ")!, chroma: header.chroma, convertedByLibrary: false,
                          intervalNumerator: header.frameRateDenominator, intervalDenominator: header.frameRateNumerator)
    }

    public func capture(into frame: Frame, timeoutMilliseconds: Int32) throws(CaptureError) -> UInt32 {
        guard let reader else { throw .lost(DeviceError(path, hint: "not open")) }
        let index = reader.framesRead
        let due = startNanoseconds + Int64(reader.header.milliseconds(atFrame: index)) * 1_000_000
        let wait = (due - clock.nanoseconds) / 1_000_000
        if wait > 0 { clock.sleep(milliseconds: Int(wait)) }
        guard !damaged else { throw .ended }
        let more: Bool
        do throws(Y4MError) { more = try reader.read(into: frame) } catch {
            // Nothing after damage can be trusted to be a frame: the footage ends here.
            damaged = true
            throw .corruptFrame(path + ": " + error.message)
        }
        guard more else { throw .ended }
        return UInt32(truncatingIfNeeded: index)
    }

    public func disconnect() { reader = nil }
}
