import VigilCore

/// Binary morphology on 0/255 masks with a 3x3 square, separable (a row pass and a column
/// pass), into preallocated scratch planes.
public final class MaskMorphology {
    private let scratch: Plane
    private let eroded: Plane
    /// Outside the image above the first row and below the last: background.
    private let emptyRow: Plane

    public init(width: Int, height: Int) {
        scratch = Plane(width: width, height: height)
        eroded = Plane(width: width, height: height)
        emptyRow = Plane(width: width, height: 1)
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
        for y in 0..<height {
            let input = source.row(y), output = scratch.row(y)
            if keepMinimum { rowPass(input, output, width: width) { min($0, $1, $2) } } else { rowPass(input, output, width: width) { max($0, $1, $2) } }
        }
        let empty = emptyRow.row(0)
        for y in 0..<height {
            let above = y > 0 ? scratch.row(y - 1) : empty
            let below = y + 1 < height ? scratch.row(y + 1) : empty
            let middle = scratch.row(y), output = destination.row(y)
            if keepMinimum {
                for x in 0..<width { output[x] = min(above[x], middle[x], below[x]) }
            } else {
                for x in 0..<width { output[x] = max(above[x], middle[x], below[x]) }
            }
        }
    }

    @inline(__always)
    private func rowPass(_ input: UnsafeMutableBufferPointer<UInt8>, _ output: UnsafeMutableBufferPointer<UInt8>, width: Int,
                         _ pick: (UInt8, UInt8, UInt8) -> UInt8) {
        guard width > 1 else { output[0] = pick(0, input[0], 0); return }
        output[0] = pick(0, input[0], input[1])
        for x in 1..<(width - 1) { output[x] = pick(input[x - 1], input[x], input[x + 1]) }
        output[width - 1] = pick(input[width - 2], input[width - 1], 0)
    }
}
