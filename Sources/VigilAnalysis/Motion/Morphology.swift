import VigilCore

/// Binary morphology on 0/255 masks with a 3x3 square, separable (a row pass and a column
/// pass), into preallocated scratch planes.
public final class MaskMorphology {
    private let scratch: Plane
    private let eroded: Plane

    public init(width: Int, height: Int) {
        scratch = Plane(width: width, height: height)
        eroded = Plane(width: width, height: height)
    }

    /// Opening (erosion then dilation) in place: removes specks smaller than 3x3 (sensor noise,
    /// single leaves) and keeps the shape of anything larger.
    public func open(_ mask: Plane) {
        filter(mask, into: eroded, keepMinimum: true)
        filter(eroded, into: mask, keepMinimum: false)
    }

    /// 3x3 minimum (erosion) or maximum (dilation); outside the image counts as background.
    private func filter(_ source: Plane, into destination: Plane, keepMinimum: Bool) {
        let width = source.width, height = source.height
        let outside: UInt8 = 0
        for y in 0..<height {
            let input = source.row(y), output = scratch.row(y)
            for x in 0..<width {
                let left = x > 0 ? input[x - 1] : outside
                let right = x + 1 < width ? input[x + 1] : outside
                output[x] = keepMinimum ? min(left, input[x], right) : max(left, input[x], right)
            }
        }
        for y in 0..<height {
            let above = y > 0 ? scratch.row(y - 1) : nil
            let below = y + 1 < height ? scratch.row(y + 1) : nil
            let middle = scratch.row(y), output = destination.row(y)
            for x in 0..<width {
                let a = above?[x] ?? outside, b = below?[x] ?? outside
                output[x] = keepMinimum ? min(a, middle[x], b) : max(a, middle[x], b)
            }
        }
    }
}
