/// Frame count, drops and rate of one capture stream.
///
/// Drops come from gaps in the driver's buffer sequence numbers (every V4L2 driver counts
/// frames it could not deliver), so frames lost while vigil was busy are counted, never silent.
/// The rate comes from the monotonic clock at which frames were received.
public struct StreamStatistics: Sendable {
    public private(set) var frames = 0
    public private(set) var dropped = 0
    private var lastSequence: UInt32 = 0
    private var firstNanoseconds: Int64 = 0
    private var lastNanoseconds: Int64 = 0

    public init() {}

    public mutating func record(sequence: UInt32, receivedAtNanoseconds now: Int64) {
        if frames == 0 {
            firstNanoseconds = now
        } else {
            // Wrapping subtraction: the 32-bit sequence counter wraps after ~5 years at 25 fps.
            let step = sequence &- lastSequence
            if step > 1 && step < UInt32.max / 2 { dropped += Int(step - 1) }
        }
        lastSequence = sequence
        lastNanoseconds = now
        frames += 1
    }

    /// Frames per second in hundredths (2506 = 25.06 fps); 0 until two frames have arrived.
    public var framesPerSecondHundredths: Int {
        let span = lastNanoseconds - firstNanoseconds
        guard frames > 1, span > 0 else { return 0 }
        return Int((Int64(frames - 1) * 100_000_000_000 + span / 2) / span)
    }

    public var elapsedMilliseconds: Int { Int((lastNanoseconds - firstNanoseconds) / 1_000_000) }
}
