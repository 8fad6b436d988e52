/// An 8-bit image plane with its own row stride, allocated once and reused frame after frame:
/// the per-frame path never allocates.
public final class Plane {
    public let width: Int
    public let height: Int
    /// Bytes from the start of one row to the next (>= width).
    public let stride: Int
    public let pixels: UnsafeMutableBufferPointer<UInt8>

    /// `spareRows` are allocated below the visible rows for writers that fill whole pixel
    /// pairs (turbojpeg); they are not part of the picture.
    public init(width: Int, height: Int, stride: Int? = nil, spareRows: Int = 0) {
        precondition(width > 0 && height > 0 && (stride ?? width) >= width && spareRows >= 0)
        self.width = width
        self.height = height
        self.stride = stride ?? width
        pixels = .allocate(capacity: self.stride * (height + spareRows))
        pixels.initialize(repeating: 0)
    }

    deinit { pixels.deallocate() }

    @inline(__always)
    public subscript(x: Int, y: Int) -> UInt8 {
        get { pixels[y * stride + x] }
        set { pixels[y * stride + x] = newValue }
    }

    /// The `width` visible pixels of row `y`.
    @inline(__always)
    public func row(_ y: Int) -> UnsafeMutableBufferPointer<UInt8> {
        UnsafeMutableBufferPointer(rebasing: pixels[(y * stride)..<(y * stride + width)])
    }

    public func fill(_ value: UInt8) {
        for y in 0..<height { row(y).update(repeating: value) }
    }
}

/// How the chroma planes of a frame are subsampled; `mono` has none.
public enum ChromaFormat: Equatable, Sendable {
    case mono, yuv420, yuv422, yuv444

    /// The size of each chroma plane for a luma plane of `width` x `height`.
    public func chromaSize(width: Int, height: Int) -> (width: Int, height: Int)? {
        switch self {
        case .mono: return nil
        case .yuv420: return ((width + 1) / 2, (height + 1) / 2)
        case .yuv422: return ((width + 1) / 2, height)
        case .yuv444: return (width, height)
        }
    }

    public var description: String {
        switch self {
        case .mono: return "mono"
        case .yuv420: return "4:2:0"
        case .yuv422: return "4:2:2"
        case .yuv444: return "4:4:4"
        }
    }
}

/// One picture: luma, and the two chroma planes unless it is monochrome.
public final class Frame {
    public let luma: Plane
    public let chroma: (cb: Plane, cr: Plane)?
    public let format: ChromaFormat

    /// With `evenLuma`, the luma plane has room for an even number of columns and rows, as
    /// turbojpeg writes it for subsampled chroma (tjPlaneWidth, tjPlaneHeight).
    public init(width: Int, height: Int, format: ChromaFormat, evenLuma: Bool = false) {
        luma = evenLuma ? Plane(width: width, height: height, stride: (width + 1) & ~1, spareRows: height & 1) : Plane(width: width, height: height)
        self.format = format
        if let size = format.chromaSize(width: width, height: height) {
            let cb = Plane(width: size.width, height: size.height)
            let cr = Plane(width: size.width, height: size.height)
            cb.fill(128)
            cr.fill(128)
            chroma = (cb, cr)
        } else {
            chroma = nil
        }
    }

    /// The planes in storage order: Y, then Cb and Cr.
    public var planes: [Plane] {
        guard let chroma else { return [luma] }
        return [luma, chroma.cb, chroma.cr]
    }
}
