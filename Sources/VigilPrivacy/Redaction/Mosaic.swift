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
        // Pointers, not row slices: this runs over every redacted pixel of every frame.
        let pixels = plane.pixels.baseAddress!, stride = plane.stride
        var y = top
        while y <= bottom {
            let rowEnd = min(plane.height, y + blockHeight)
            var x = left
            while x <= right {
                let columns = min(plane.width, x + blockWidth) - x
                var sum = 0
                for row in y..<rowEnd {
                    let line = pixels + row * stride + x
                    for column in 0..<columns { sum &+= Int(line[column]) }
                }
                let count = (rowEnd - y) * columns
                let mean = UInt8(truncatingIfNeeded: (sum + count / 2) / count)
                for row in y..<rowEnd { (pixels + row * stride + x).update(repeating: mean, count: columns) }
                x += blockWidth
            }
            y += blockHeight
        }
    }
}
