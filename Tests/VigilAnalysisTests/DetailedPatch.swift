import VigilCore

/// A 320x240 picture (analysed at full size) of mid grey with a patch of fine detail, a one-pixel
/// checkerboard that changes with `phase`, where redaction paints a mosaic in blocks of 16: a
/// neighbour's window for the mask tests, a face for the forgetting ones.
enum DetailedPatch {
    static let width = 320, height = 240
    static let area = PixelatedArea(box: Box(minX: 96, minY: 80, maxX: 159, maxY: 143), block: 16)

    static func frame(phase: Int = 0) -> Plane {
        let plane = Plane(width: width, height: height)
        plane.fill(110)
        for y in area.box.minY...area.box.maxY {
            for x in area.box.minX...area.box.maxX { plane[x, y] = (x + y + phase) % 2 == 0 ? UInt8(30 + phase) : 200 }
        }
        return plane
    }

    /// True when every block of the patch's grid in `plane` holds a single value.
    static func isMosaic(_ plane: Plane) -> Bool {
        for top in stride(from: area.box.minY, through: area.box.maxY, by: area.block) {
            for left in stride(from: area.box.minX, through: area.box.maxX, by: area.block) {
                let first = plane[left, top]
                for y in top..<(top + area.block) {
                    for x in left..<(left + area.block) where plane[x, y] != first { return false }
                }
            }
        }
        return true
    }
}
