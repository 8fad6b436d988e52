import VigilCore

/// One frame lent by a camera: valid only inside the closure it is passed to.
public struct CapturedFrame {
    /// The driver's frame counter; gaps mean frames the driver dropped.
    public let sequence: UInt32
    public let bytes: UnsafeRawBufferPointer
    /// How many of the driver's buffers were still queued for it to fill when this frame was
    /// taken, of how many. Until the next frame is taken that number only falls, so its lowest
    /// value over a run says whether the driver ever went without a buffer (a frame then lost
    /// is the reader's fault) or whether the gaps in `sequence` are the driver's own skips.
    /// nil when the source cannot tell.
    public var buffersToFill: DriverBuffers? = nil
}

/// Of a driver's capture buffers, how many were queued for it to fill.
public struct DriverBuffers: Equatable, Sendable {
    public var queued: Int
    public var total: Int

    public init(queued: Int, total: Int) {
        self.queued = queued
        self.total = total
    }
}

/// Anything that delivers frames: the V4L2 camera on the board, a scripted source in tests.
public protocol FrameSource: AnyObject {
    /// Waits up to `timeoutMilliseconds` for the next frame, lends it to `body`, then hands the
    /// buffer back to the driver: a frame cannot be held past the call by mistake.
    func withNextFrame<R>(timeoutMilliseconds: Int32, _ body: (CapturedFrame) -> R) throws(DeviceError) -> R
}

/// Streams `count` frames from `source` and measures rate and drops.
public func measureStream<Source: FrameSource, Clock: MonotonicClock>(
    _ source: Source, frames count: Int, clock: Clock, timeoutMilliseconds: Int32
) throws(DeviceError) -> StreamStatistics {
    var statistics = StreamStatistics()
    for _ in 0..<count {
        let sequence = try source.withNextFrame(timeoutMilliseconds: timeoutMilliseconds) { $0.sequence }
        statistics.record(sequence: sequence, receivedAtNanoseconds: clock.nanoseconds)
    }
    return statistics
}

/// A deterministic camera: delivers the given sequence numbers of a fixed-size grey frame, one
/// frame interval apart on a `ManualClock`, then times out like a camera that stopped.
public final class ScriptedFrameSource: FrameSource {
    private var sequences: [UInt32]
    private let clock: ManualClock
    private let intervalMilliseconds: Int
    private let pixels: [UInt8]

    public init(sequences: [UInt32], clock: ManualClock, intervalMilliseconds: Int, frameBytes: Int = 16) {
        self.sequences = sequences.reversed()
        self.clock = clock
        self.intervalMilliseconds = intervalMilliseconds
        self.pixels = [UInt8](repeating: 128, count: frameBytes)
    }

    public func withNextFrame<R>(timeoutMilliseconds: Int32, _ body: (CapturedFrame) -> R) throws(DeviceError) -> R {
        guard let sequence = sequences.popLast() else {
            clock.advance(milliseconds: Int(timeoutMilliseconds))
            throw DeviceError("scripted camera", errno: nil, hint: "no frame within \(timeoutMilliseconds) ms")
        }
        clock.advance(milliseconds: intervalMilliseconds)
        return pixels.withUnsafeBytes { body(CapturedFrame(sequence: sequence, bytes: $0)) }
    }
}
