import VigilCore

/// A picture in which every region the redaction policy names is pixelated: the only kind of
/// frame the encoder, the pre-event ring, the clip writer and snapshots accept. Only
/// `Redactor.redact` makes one.
public struct RedactedFrame: ~Copyable {
    let frame: Frame

    init(redacted frame: Frame) { self.frame = frame }

    public var width: Int { frame.luma.width }
    public var height: Int { frame.luma.height }
    public var format: ChromaFormat { frame.format }

    /// Reads the redacted planes (luma, then chroma if any), e.g. to encode them.
    public func read<Result, Failure: Error>(_ body: (_ luma: Plane, _ chroma: (cb: Plane, cr: Plane)?) throws(Failure) -> Result) throws(Failure) -> Result {
        try body(frame.luma, frame.chroma)
    }

    /// Hands the buffer back to the capture for the next picture, which makes it raw again.
    public consuming func recycle() -> RawFrame { RawFrame(reusing: frame) }
}
