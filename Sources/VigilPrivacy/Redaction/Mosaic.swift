import VigilCore

/// The block mosaic that redaction paints: every block of a region replaced by its mean, in
/// luma and in both chroma planes, so that neither shape nor colour of a face survives.
enum Mosaic {
    /// Pixelates `box` (full-frame pixels, clipped to the frame) of `frame` in blocks of
    /// `block` pixels laid on a grid from the frame's origin, so overlapping regions share
    /// blocks instead of leaving slivers. Blocks that the box only touches are painted whole.
    static func paint(_ box: Box, blockSize block: Int, in frame: Frame) {
        let width = frame.luma.width, height = frame.luma.height
        let left = max(0, box.minX) / block * block, top = max(0, box.minY) / block * block
        let right = min(width - 1, box.maxX), bottom = min(height - 1, box.maxY)
        guard left <= right && top <= bottom else { return }
        paint(frame.luma, left: left, top: top, right: right, bottom: bottom, blockWidth: block, blockHeight: block)
        guard let chroma = frame.chroma else { return }
        // The same blocks in the chroma planes' own (subsampled) pixels.
        let sx = (width + chroma.cb.width - 1) / chroma.cb.width, sy = (height + chroma.cb.height - 1) / chroma.cb.height
        paint(chroma.cb, left: left / sx, top: top / sy, right: right / sx, bottom: bottom / sy, blockWidth: block / sx, blockHeight: block / sy)
        paint(chroma.cr, left: left / sx, top: top / sy, right: right / sx, bottom: bottom / sy, blockWidth: block / sx, blockHeight: block / sy)
    }

    private static func paint(_ plane: Plane, left: Int, top: Int, right: Int, bottom: Int, blockWidth: Int, blockHeight: Int) {
        var y = top
        while y <= bottom {
            let rows = y..<min(plane.height, y + blockHeight)
            var x = left
            while x <= right {
                let columns = x..<min(plane.width, x + blockWidth)
                var sum = 0
                for row in rows { for value in plane.row(row)[columns] { sum += Int(value) } }
                let count = rows.count * columns.count
                let mean = UInt8(truncatingIfNeeded: (sum + count / 2) / count)
                for row in rows { plane.row(row)[columns].update(repeating: mean) }
                x += blockWidth
            }
            y += blockHeight
        }
    }
}
