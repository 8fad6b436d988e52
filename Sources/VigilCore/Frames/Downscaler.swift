/// Shrinks a plane by an integer factor, each output pixel the rounded mean of its
/// factor x factor block. The analysis runs on the result; the output plane is allocated once.
public final class Downscaler {
    public let factor: Int
    public let output: Plane

    /// Column sums of one output row, allocated once.
    private let sums: UnsafeMutableBufferPointer<UInt32>

    public init(width: Int, height: Int, factor: Int) {
        precondition(factor >= 1)
        self.factor = factor
        output = Plane(width: max(1, width / factor), height: max(1, height / factor))
        sums = .allocate(capacity: output.width)
    }

    deinit { sums.deallocate() }

    /// As `shrink`, but never `input` itself: at factor 1 a copy, for a caller that paints on
    /// what it gets while others still read `input`.
    public func shrunkCopy(_ input: Plane) -> Plane {
        guard factor == 1 else { return shrink(input) }
        for y in 0..<output.height { _ = output.row(y).update(fromContentsOf: input.row(y)) }
        return output
    }

    /// The plane to analyse: `input` itself when the factor is 1, else the shrunk copy.
    public func shrink(_ input: Plane) -> Plane {
        guard factor > 1 else { return input }
        if factor == 2 { return halve(input) }
        if factor == 4 { return quarter(input) }
        let width = output.width, area = UInt32(factor * factor)
        // The usual factors (2, 4, 8) have a power-of-two area: a shift instead of a division.
        let shift = area.nonzeroBitCount == 1 ? UInt32(area.trailingZeroBitCount) : nil
        for y in 0..<output.height {
            sums.update(repeating: 0)
            for dy in 0..<factor {
                let row = input.row(y * factor + dy)
                var source = 0
                for x in 0..<width {
                    var sum: UInt32 = 0
                    for _ in 0..<factor {
                        sum &+= UInt32(row[source])
                        source += 1
                    }
                    sums[x] &+= sum
                }
            }
            let out = output.row(y)
            if let shift {
                for x in 0..<width { out[x] = UInt8(truncatingIfNeeded: (sums[x] &+ area / 2) >> shift) }
            } else {
                for x in 0..<width { out[x] = UInt8(truncatingIfNeeded: (sums[x] &+ area / 2) / area) }
            }
        }
        return output
    }

    /// Factor 2, the most common (640x480 to 320x240), in one pass over each pair of rows in
    /// 16-bit sums, which vectorise well.
    private func halve(_ input: Plane) -> Plane {
        let width = output.width
        for y in 0..<output.height {
            let upper = input.row(2 * y), lower = input.row(2 * y + 1), out = output.row(y)
            for x in 0..<width {
                let sum = UInt16(upper[2 * x]) &+ UInt16(upper[2 * x + 1]) &+ UInt16(lower[2 * x]) &+ UInt16(lower[2 * x + 1])
                out[x] = UInt8(truncatingIfNeeded: (sum &+ 2) >> 2)
            }
        }
        return output
    }

    /// Factor 4 (1280x720 to 320x180) the same way: 16 pixels fit a 16-bit sum.
    private func quarter(_ input: Plane) -> Plane {
        let width = output.width
        for y in 0..<output.height {
            let rows = (input.row(4 * y), input.row(4 * y + 1), input.row(4 * y + 2), input.row(4 * y + 3))
            let out = output.row(y)
            for x in 0..<width {
                let at = 4 * x
                var sum = UInt16(rows.0[at]) &+ UInt16(rows.0[at + 1]) &+ UInt16(rows.0[at + 2]) &+ UInt16(rows.0[at + 3])
                sum &+= UInt16(rows.1[at]) &+ UInt16(rows.1[at + 1]) &+ UInt16(rows.1[at + 2]) &+ UInt16(rows.1[at + 3])
                sum &+= UInt16(rows.2[at]) &+ UInt16(rows.2[at + 1]) &+ UInt16(rows.2[at + 2]) &+ UInt16(rows.2[at + 3])
                sum &+= UInt16(rows.3[at]) &+ UInt16(rows.3[at + 1]) &+ UInt16(rows.3[at + 2]) &+ UInt16(rows.3[at + 3])
                out[x] = UInt8(truncatingIfNeeded: (sum &+ 8) >> 4)
            }
        }
        return output
    }
}
