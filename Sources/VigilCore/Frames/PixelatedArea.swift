/// A part of a picture replaced by a block mosaic: its box, and the size of the blocks, laid
/// on a grid from the picture's origin (blocks the box only touches are painted whole).
public struct PixelatedArea: Equatable, Sendable {
    public var box: Box
    public var block: Int

    public init(box: Box, block: Int) {
        precondition(block >= 1)
        self.box = box
        self.block = block
    }

    /// What the mosaic paints: every block of the grid that the box (inside the picture)
    /// touches, whole.
    public var painted: Box {
        Box(minX: max(0, box.minX) / block * block, minY: max(0, box.minY) / block * block,
            maxX: (box.maxX / block + 1) * block - 1, maxY: (box.maxY / block + 1) * block - 1)
    }

    /// The same area in a picture `factor` times smaller: the box covers every shrunk pixel the
    /// original touches, the blocks shrink too but stay at least 2 pixels.
    public func shrunk(by factor: Int) -> PixelatedArea {
        precondition(factor >= 1)
        return PixelatedArea(box: Box(minX: box.minX / factor, minY: box.minY / factor, maxX: box.maxX / factor, maxY: box.maxY / factor),
                             block: max(2, block / factor))
    }
}

extension Plane {
    /// Pixelates `area`: every block of its grid that the box touches becomes its mean.
    public func pixelate(_ area: PixelatedArea) {
        let painted = area.painted
        pixelate(left: painted.minX, top: painted.minY, right: area.box.maxX, bottom: area.box.maxY, blockWidth: area.block, blockHeight: area.block)
    }

    /// Replaces each block of `blockWidth` x `blockHeight` pixels from (`left`, `top`), a
    /// corner of the grid, to the block that holds (`right`, `bottom`) by its mean.
    public func pixelate(left: Int, top: Int, right: Int, bottom: Int, blockWidth: Int, blockHeight: Int) {
        precondition(left >= 0 && top >= 0 && blockWidth >= 1 && blockHeight >= 1)
        // Pointers, not row slices: redaction runs this over every pixelated pixel of every frame.
        let base = pixels.baseAddress!
        let lastX = min(width - 1, right), lastY = min(height - 1, bottom)
        var y = top
        while y <= lastY {
            let rowEnd = min(height, y + blockHeight)
            var x = left
            while x <= lastX {
                let columns = min(width, x + blockWidth) - x
                var sum = 0
                for row in y..<rowEnd {
                    let line = base + row * stride + x
                    for column in 0..<columns { sum &+= Int(line[column]) }
                }
                let count = (rowEnd - y) * columns
                let mean = UInt8(truncatingIfNeeded: (sum + count / 2) / count)
                for row in y..<rowEnd { (base + row * stride + x).update(repeating: mean, count: columns) }
                x += blockWidth
            }
            y += blockHeight
        }
    }
}
