/// Shrinks (or enlarges) 8-bit images exactly as OpenCV's `resize(..., INTER_LINEAR_EXACT)`,
/// which its cascade detector uses to build the pyramid: the same pixels, so the same detections.
/// Each output pixel mixes two columns and two rows with weights in 1/256 (rounded half to even
/// from the exact source position (d + 1/2) * source / destination - 1/2); the horizontal pass
/// keeps 8 fractional bits, the vertical pass 16 and rounds to the byte. Positions left of the
/// first or right of the last pixel take that pixel. The tables are made once per size.
final class LinearResize {
    let sourceWidth: Int, sourceHeight: Int
    let width: Int, height: Int
    private let columns: Axis
    private let rows: Axis
    /// Two horizontally resized source rows in 8.8 fixed point, and which rows they hold.
    private let lines: UnsafeMutableBufferPointer<UInt16>
    private var lineRows = (-1, -1)
    /// The output columns the line buffers hold (those of the resize under way).
    private var lineColumns = 0..<0

    /// Where each output position reads and with what weight of the second pixel.
    private struct Axis {
        var offsets: [Int32]
        var weights: [UInt16]
        /// Positions before `first` take pixel 0, from `end` on the last pixel; between them they mix.
        var first: Int
        var end: Int

        init(source: Int, destination: Int) {
            offsets = [Int32](repeating: 0, count: destination)
            weights = [UInt16](repeating: 0, count: destination)
            first = 0
            end = destination
            let denominator = 2 * destination
            for position in 0..<destination {
                let numerator = source * (2 * position + 1) - destination
                let whole = numerator >= 0 ? numerator / denominator : -((-numerator + denominator - 1) / denominator)
                guard whole >= 0, source > 1 else {
                    first = max(first, position + 1)
                    continue
                }
                if whole < source - 1 {
                    offsets[position] = Int32(whole)
                    weights[position] = UInt16(roundedWeight(numerator - whole * denominator, denominator))
                } else {
                    offsets[position] = Int32(source - 1)
                    end = min(end, position)
                }
            }
        }

        /// fraction / denominator in 1/256, rounded half to even.
        private func roundedWeight(_ fraction: Int, _ denominator: Int) -> Int {
            let scaled = fraction * 256
            let whole = scaled / denominator, rest = scaled - whole * denominator
            return whole + (2 * rest > denominator || (2 * rest == denominator && whole & 1 == 1) ? 1 : 0)
        }
    }

    init(sourceWidth: Int, sourceHeight: Int, width: Int, height: Int) {
        precondition(sourceWidth > 0 && sourceHeight > 0 && width > 0 && height > 0)
        self.sourceWidth = sourceWidth
        self.sourceHeight = sourceHeight
        self.width = width
        self.height = height
        columns = Axis(source: sourceWidth, destination: width)
        rows = Axis(source: sourceHeight, destination: height)
        lines = .allocate(capacity: 2 * width)
        lines.initialize(repeating: 0)
    }

    deinit { lines.deallocate() }

    /// Resizes the image, or only the destination rows `range` and columns `columnRange` (a
    /// search within regions of the frame needs no more), written from `destination` on: the
    /// range's first row and column first, so the destination needs room for them only.
    func resize(_ source: UnsafePointer<UInt8>, rowBytes: Int, into destination: UnsafeMutablePointer<UInt8>, destinationRowBytes: Int,
                rows range: Range<Int>? = nil, columns columnRange: Range<Int>? = nil) {
        lineRows = (-1, -1)
        lineColumns = (columnRange ?? 0..<width).clamped(to: 0..<width)
        let lines = self.lines.baseAddress!, left = lineColumns.lowerBound
        let band = (range ?? 0..<height).clamped(to: 0..<height)
        for y in band {
            let out = destination + (y - band.lowerBound) * destinationRowBytes - left
            if y < rows.first || y >= rows.end {
                // Above the first or below the last row: that row alone, rounded to the byte.
                let line = self.line(y < rows.first ? 0 : sourceHeight - 1, source, rowBytes, lines)
                for x in lineColumns { out[x] = UInt8(truncatingIfNeeded: (UInt32(line[x]) + 128) >> 8) }
                continue
            }
            let row = Int(rows.offsets[y])
            let upper = self.line(row, source, rowBytes, lines), lower = self.line(row + 1, source, rowBytes, lines)
            let lowerWeight = UInt32(rows.weights[y]), upperWeight = 256 - lowerWeight
            for x in lineColumns {
                let mixed = UInt32(upper[x]) * upperWeight + UInt32(lower[x]) * lowerWeight
                out[x] = UInt8(truncatingIfNeeded: (mixed + 32768) >> 16)
            }
        }
    }

    /// Source row `row` resized horizontally, from one of the two line buffers (computed when
    /// neither holds it; rows are visited in order, so each is computed once).
    private func line(_ row: Int, _ source: UnsafePointer<UInt8>, _ rowBytes: Int, _ lines: UnsafeMutablePointer<UInt16>) -> UnsafeMutablePointer<UInt16> {
        if lineRows.0 == row { return lines }
        if lineRows.1 == row { return lines + width }
        // Replace the buffer whose row is further behind.
        let slot = lineRows.0 < lineRows.1 ? 0 : 1
        let line = lines + slot * width
        if slot == 0 { lineRows.0 = row } else { lineRows.1 = row }
        let pixels = source + row * rowBytes
        let firstPixel = UInt16(pixels[0]) << 8, lastPixel = UInt16(pixels[sourceWidth - 1]) << 8
        let wanted = lineColumns
        for x in (0..<columns.first).clamped(to: wanted) { line[x] = firstPixel }
        columns.offsets.withUnsafeBufferPointer { offsets in
            columns.weights.withUnsafeBufferPointer { weights in
                for x in (columns.first..<columns.end).clamped(to: wanted) {
                    let at = Int(offsets[x]), right = UInt32(weights[x])
                    line[x] = UInt16(truncatingIfNeeded: UInt32(pixels[at]) * (256 - right) + UInt32(pixels[at + 1]) * right)
                }
            }
        }
        for x in (columns.end..<width).clamped(to: wanted) { line[x] = lastPixel }
        return line
    }
}
