import VigilCore

/// Spreads a frame's grey levels over 0...255 before face detection, as OpenCV's
/// `equalizeHist` does (in integers here): faces in shadow or against a bright sky get the
/// contrast the cascades were trained on. Writes into its own plane; the frame is not changed.
/// The plane starts all zero.
public final class HistogramEqualizer {
    public let output: Plane
    /// Four histograms of 256 counts, summed into the first: counting neighbouring pixels into
    /// different ones lets the increments overlap (one histogram waits on repeated levels).
    private var histogram = [Int](repeating: 0, count: 4 * 256)
    private var table = [UInt8](repeating: 0, count: 256)

    public init(width: Int, height: Int) {
        output = Plane(width: width, height: height)
    }

    /// Equalises `luma` into `output`; the histogram is the whole frame's (as OpenCV's), the
    /// mapping is written only for `rows` when given (a budgeted search reads no others).
    @discardableResult
    public func equalize(_ luma: Plane, rows: Range<Int>? = nil) -> Plane {
        precondition(luma.width == output.width && luma.height == output.height)
        histogram.withUnsafeMutableBufferPointer { counts in
            let counts = counts.baseAddress!
            counts.update(repeating: 0, count: 4 * 256)
            let width = luma.width, quads = width & ~3
            for y in 0..<luma.height {
                let row = UnsafePointer(luma.pixels.baseAddress! + y * luma.stride)
                var x = 0
                while x < quads {
                    counts[Int(row[x])] &+= 1
                    counts[256 + Int(row[x + 1])] &+= 1
                    counts[512 + Int(row[x + 2])] &+= 1
                    counts[768 + Int(row[x + 3])] &+= 1
                    x += 4
                }
                while x < width {
                    counts[Int(row[x])] &+= 1
                    x += 1
                }
            }
            for level in 0..<256 { counts[level] &+= counts[256 + level] &+ counts[512 + level] &+ counts[768 + level] }
        }
        let total = luma.width * luma.height
        // The darkest level present becomes 0; the rest are spread by their cumulative share.
        let first = histogram[0..<256].firstIndex { $0 > 0 } ?? 0
        let base = histogram[first]
        var cumulative = 0
        for level in 0..<256 {
            cumulative += histogram[level]
            table[level] = total == base ? UInt8(level) : UInt8(max(0, ((cumulative - base) * 255 + (total - base) / 2) / (total - base)))
        }
        table.withUnsafeBufferPointer { table in
            for y in (rows ?? 0..<luma.height).clamped(to: 0..<luma.height) {
                let source = luma.row(y), target = output.row(y)
                for x in 0..<luma.width { target[x] = table[Int(source[x])] }
            }
        }
        return output
    }

    /// Equalises `luma` (the mapping written for `rows`, widened by `margin` for the detector's
    /// interpolation), lets `body` read the result, then wipes those rows: the equalised copy
    /// of a raw frame does not outlive the frame.
    public func withEqualized<Result>(_ luma: Plane, rows: Range<Int>, margin: Int = 16, _ body: (Plane) -> Result) -> Result {
        let widened = (rows.lowerBound - margin)..<(rows.upperBound + margin)
        let result = body(equalize(luma, rows: widened))
        for y in widened.clamped(to: 0..<output.height) { output.row(y).update(repeating: 0) }
        return result
    }
}
