import VigilCore

/// The sum and squared-sum integral images of an 8-bit image, laid out as OpenCV's `integral`
/// makes them: a row and a column of zeros in front, entry (x, y) the sum of the pixels left of
/// x and above y, so any rectangle's sum is four entries. Allocated once for the largest image and
/// reused for every pyramid level of every frame, always with the same `stride`.
///
/// Entries are UInt32 that wrap around: a large image's squared sum passes 2^32, but a
/// rectangle's sum is a difference of four entries, exact modulo 2^32, so exact for any rectangle
/// of up to 66 051 pixels (2^32 / 255^2). OpenCV keeps them in int32 the same way.
public final class IntegralImage {
    public let maximumWidth: Int
    public let maximumHeight: Int
    /// Entries from one row to the next.
    public let stride: Int
    /// The size of the image integrated last.
    public private(set) var width = 0
    public private(set) var height = 0
    let sums: UnsafeMutableBufferPointer<UInt32>
    let squares: UnsafeMutableBufferPointer<UInt32>

    public init(maximumWidth: Int, maximumHeight: Int) {
        precondition(maximumWidth > 0 && maximumHeight > 0)
        self.maximumWidth = maximumWidth
        self.maximumHeight = maximumHeight
        stride = maximumWidth + 1
        sums = .allocate(capacity: stride * (maximumHeight + 1))
        squares = .allocate(capacity: stride * (maximumHeight + 1))
        sums.initialize(repeating: 0)
        squares.initialize(repeating: 0)
    }

    deinit {
        sums.deallocate()
        squares.deallocate()
    }

    /// Integrates the top-left `width` x `height` pixels of an image whose rows are `rowBytes`
    /// apart. The squared sums are made only when `withSquares` (Haar cascades need them, LBP not).
    public func integrate(_ pixels: UnsafePointer<UInt8>, rowBytes: Int, width: Int, height: Int, withSquares: Bool) {
        precondition(width > 0 && height > 0 && width <= maximumWidth && height <= maximumHeight)
        self.width = width
        self.height = height
        // Row 0 and column 0 stay zero: they were zeroed at allocation and are never written.
        let sums = self.sums.baseAddress!, squares = self.squares.baseAddress!
        for y in 0..<height {
            let source = pixels + y * rowBytes
            let above = y * stride + 1, here = above + stride
            var rowSum: UInt32 = 0
            if withSquares {
                var rowSquares: UInt32 = 0
                for x in 0..<width {
                    let value = UInt32(source[x])
                    rowSum &+= value
                    rowSquares &+= value &* value
                    sums[here + x] = sums[above + x] &+ rowSum
                    squares[here + x] = squares[above + x] &+ rowSquares
                }
            } else {
                for x in 0..<width {
                    rowSum &+= UInt32(source[x])
                    sums[here + x] = sums[above + x] &+ rowSum
                }
            }
        }
    }

    public func integrate(_ plane: Plane, withSquares: Bool) {
        integrate(UnsafePointer(plane.pixels.baseAddress!), rowBytes: plane.stride, width: plane.width, height: plane.height, withSquares: withSquares)
    }

    /// The sum of the pixels of a rectangle inside the image integrated last.
    public func sum(x: Int, y: Int, width: Int, height: Int) -> Int {
        rectangle(sums, x: x, y: y, width: width, height: height)
    }

    /// The sum of the squared pixels of a rectangle (integrated with squares).
    public func squaredSum(x: Int, y: Int, width: Int, height: Int) -> Int {
        rectangle(squares, x: x, y: y, width: width, height: height)
    }

    private func rectangle(_ table: UnsafeMutableBufferPointer<UInt32>, x: Int, y: Int, width: Int, height: Int) -> Int {
        precondition(x >= 0 && y >= 0 && width >= 0 && height >= 0 && x + width <= self.width && y + height <= self.height)
        let top = y * stride + x, bottom = (y + height) * stride + x
        return Int(table[top] &- table[top + width] &- table[bottom] &+ table[bottom + width])
    }
}
