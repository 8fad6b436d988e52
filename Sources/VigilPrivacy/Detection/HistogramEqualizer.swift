import VigilCore

/// Spreads a frame's grey levels over 0...255 before face detection, as OpenCV's
/// `equalizeHist` does (in integers here): faces in shadow or against a bright sky get the
/// contrast the cascades were trained on. Writes into its own plane; the frame is not changed.
public final class HistogramEqualizer {
    public let output: Plane
    private var histogram = [Int](repeating: 0, count: 256)
    private var table = [UInt8](repeating: 0, count: 256)

    public init(width: Int, height: Int) {
        output = Plane(width: width, height: height)
    }

    @discardableResult
    public func equalize(_ luma: Plane) -> Plane {
        precondition(luma.width == output.width && luma.height == output.height)
        for index in 0..<256 { histogram[index] = 0 }
        for y in 0..<luma.height { for value in luma.row(y) { histogram[Int(value)] += 1 } }
        let total = luma.width * luma.height
        // The darkest level present becomes 0; the rest are spread by their cumulative share.
        let first = histogram.firstIndex { $0 > 0 } ?? 0
        let base = histogram[first]
        var cumulative = 0
        for level in 0..<256 {
            cumulative += histogram[level]
            table[level] = total == base ? UInt8(level) : UInt8(max(0, ((cumulative - base) * 255 + (total - base) / 2) / (total - base)))
        }
        for y in 0..<luma.height {
            let source = luma.row(y), target = output.row(y)
            for x in 0..<luma.width { target[x] = table[Int(source[x])] }
        }
        return output
    }
}
