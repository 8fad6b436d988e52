/// Pixels `start..<end` of row `y`.
public struct PixelRun: Equatable, Sendable {
    public let y: Int
    public let start: Int
    public let end: Int

    public init(y: Int, start: Int, end: Int) {
        self.y = y
        self.start = start
        self.end = end
    }
}

extension Polygon {
    /// The pixels of a `width` x `height` plane that analyses the frame at 1/`factor` whose
    /// centres lie inside the polygon (even-odd rule), row by row. A scanline fill in integers,
    /// exact and the same on every build. A centre exactly on the outline is inside on the
    /// left edge and outside on the right, so zones that share an edge never share a pixel.
    public func runs(width: Int, height: Int, factor: Int) -> [PixelRun] {
        var runs: [PixelRun] = []
        var crossings: [Int] = []
        crossings.reserveCapacity(points.count)
        for y in 0..<height {
            // In doubled frame pixels the centre of analysed row y, (y + 1/2) * factor, is whole.
            let sampleY = (2 * y + 1) * factor
            crossings.removeAll(keepingCapacity: true)
            for (index, a) in points.enumerated() {
                let b = points[(index + 1) % points.count]
                let ay = 2 * a.y, by = 2 * b.y
                // Half-open in y, so a corner on the row counts once and a flat edge never.
                guard (ay <= sampleY) != (by <= sampleY) else { continue }
                // The edge crosses the row at numerator / denominator (doubled frame pixels); the
                // first pixel from there on has the smallest x with (2x + 1) * factor >= that.
                var denominator = by - ay
                var numerator = 2 * a.x * denominator + (sampleY - ay) * 2 * (b.x - a.x)
                if denominator < 0 {
                    denominator = -denominator
                    numerator = -numerator
                }
                crossings.append(ceilingQuotient(numerator - factor * denominator, 2 * factor * denominator))
            }
            crossings.sort()
            for pair in stride(from: 0, to: crossings.count - 1, by: 2) {
                let start = min(width, max(0, crossings[pair]))
                let end = min(width, max(0, crossings[pair + 1]))
                if start < end { runs.append(PixelRun(y: y, start: start, end: end)) }
            }
        }
        return runs
    }
}

/// numerator / divisor rounded up, for a positive divisor (`/` truncates toward zero).
private func ceilingQuotient(_ numerator: Int, _ divisor: Int) -> Int {
    numerator >= 0 ? (numerator + divisor - 1) / divisor : numerator / divisor
}
