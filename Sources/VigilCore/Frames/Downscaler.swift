/// Shrinks a plane by an integer factor, each output pixel the rounded mean of its
/// factor x factor block. The analysis runs on the result; the output plane is allocated once.
public final class Downscaler {
    public let factor: Int
    public let output: Plane

    public init(width: Int, height: Int, factor: Int) {
        precondition(factor >= 1)
        self.factor = factor
        output = Plane(width: max(1, width / factor), height: max(1, height / factor))
    }

    /// The plane to analyse: `input` itself when the factor is 1, else the shrunk copy.
    public func shrink(_ input: Plane) -> Plane {
        guard factor > 1 else { return input }
        let area = factor * factor
        for y in 0..<output.height {
            let out = output.row(y)
            for x in 0..<output.width {
                var sum = 0
                for dy in 0..<factor {
                    let row = input.row(y * factor + dy)
                    for dx in 0..<factor { sum += Int(row[x * factor + dx]) }
                }
                out[x] = UInt8(truncatingIfNeeded: (sum + area / 2) / area)
            }
        }
        return output
    }
}
