import VigilCore

/// The mode a camera streams in, as negotiated with its driver.
public struct CameraMode: Equatable, Sendable {
    public let width: Int
    public let height: Int
    /// What the driver delivers.
    public let fourcc: FourCC
    /// What the frames handed out hold: the driver's sampling for the formats vigil unpacks
    /// itself, 4:2:0 for those converted by libv4lconvert.
    public let chroma: ChromaFormat
    public let convertedByLibrary: Bool
    /// The frame interval the driver settled on, numerator/denominator seconds.
    public let intervalNumerator: Int
    public let intervalDenominator: Int

    public init(width: Int, height: Int, fourcc: FourCC, chroma: ChromaFormat, convertedByLibrary: Bool,
                intervalNumerator: Int, intervalDenominator: Int) {
        self.width = width
        self.height = height
        self.fourcc = fourcc
        self.chroma = chroma
        self.convertedByLibrary = convertedByLibrary
        self.intervalNumerator = intervalNumerator
        self.intervalDenominator = intervalDenominator
    }

    public var description: String {
        "\(width)x\(height) " + fourcc.description + (convertedByLibrary ? " (libv4lconvert to 4:2:0)" : " (" + chroma.description + ")")
            + ", \(intervalNumerator)/\(intervalDenominator) s/frame"
    }
}

/// Why a frame did not arrive.
public enum CaptureError: Error {
    /// The driver delivered a buffer that is not a whole picture: skip it, count it, go on.
    case corruptFrame(String)
    /// The camera stopped (unplugged, driver reset, stalled): reconnect.
    case lost(DeviceError)
    /// Recorded footage came to its end: nothing more will come.
    case ended

    public var message: String {
        switch self {
        case .corruptFrame(let reason): return "corrupt frame skipped: " + reason
        case .lost(let error): return error.message
        case .ended: return "the footage ended"
        }
    }
}

/// A camera the unit streams from: the V4L2 device on the board, a scripted one in tests.
/// `connect` may be called again after `disconnect` or a `.lost` error, which is how the unit
/// recovers from a camera that went away.
public protocol Camera: AnyObject {
    var name: String { get }
    func connect() throws(DeviceError) -> CameraMode
    /// Waits for the next picture and writes it into `frame` (of the mode's size and chroma);
    /// returns the driver's sequence number (gaps are frames the driver dropped).
    func capture(into frame: Frame, timeoutMilliseconds: Int32) throws(CaptureError) -> UInt32
    /// After the last capture: how many of its buffers the driver still had queued to fill
    /// (`CapturedFrame.buffersToFill`); nil when the camera cannot tell.
    var buffersToFill: DriverBuffers? { get }
    func disconnect()
}

extension Camera {
    public var buffersToFill: DriverBuffers? { nil }
}
