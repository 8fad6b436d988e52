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
        frame.luma.pixelate(left: left, top: top, right: right, bottom: bottom, blockWidth: block, blockHeight: block)
        guard let chroma = frame.chroma else { return }
        // The same blocks in the chroma planes' own (subsampled) pixels.
        let sx = (width + chroma.cb.width - 1) / chroma.cb.width, sy = (height + chroma.cb.height - 1) / chroma.cb.height
        chroma.cb.pixelate(left: left / sx, top: top / sy, right: right / sx, bottom: bottom / sy, blockWidth: block / sx, blockHeight: block / sy)
        chroma.cr.pixelate(left: left / sx, top: top / sy, right: right / sx, bottom: bottom / sy, blockWidth: block / sx, blockHeight: block / sy)
    }
}
