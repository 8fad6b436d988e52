import VigilCore

/// A picture as the camera delivered it: it may show faces. Nothing downstream accepts one:
/// the encoder, the pre-event ring, the clip writer and snapshots take a `RedactedFrame`, and
/// the only way to one is `Redactor.redact`, which consumes this frame and pixelates it in
/// place. Non-copyable, so there is no second handle to the unredacted pixels.
public struct RawFrame: ~Copyable {
    let frame: Frame

    /// A frame of this size and chroma format, allocated once and reused through `recycle`
    /// (`evenLuma`: see `Frame`).
    public init(width: Int, height: Int, format: ChromaFormat, evenLuma: Bool = false) {
        frame = Frame(width: width, height: height, format: format, evenLuma: evenLuma)
    }

    init(reusing frame: Frame) { self.frame = frame }

    public var width: Int { frame.luma.width }
    public var height: Int { frame.luma.height }
    public var format: ChromaFormat { frame.format }

    /// Lets the capture (the camera, a Y4M reader) write this frame's pixels.
    public func capture<Result, Failure: Error>(_ write: (Frame) throws(Failure) -> Result) throws(Failure) -> Result {
        try write(frame)
    }

    /// The luma the analysis reads in place, for this frame only.
    public var luma: Plane { frame.luma }
}
