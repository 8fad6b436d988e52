/// Haar cascade windows, as OpenCV's HaarEvaluator with its variance normalisation, in integers.
///
/// OpenCV divides each feature value (weighted rectangle sums) by sqrt(nf), where
/// nf = area * (sum of squares) - sum^2 over the window less a one-pixel border, and compares
/// the quotient with the node threshold t. Here the comparison is squared, so no square root is
/// needed: x -> x|x| keeps order, so value / sqrt(nf) < t exactly when
/// value|value| * 2^63 < t|t| (Q63) * nf, both sides 128-bit integers. Windows with
/// sqrt(nf) <= 10 * area (nearly flat) are refused, as OpenCV refuses them.
final class HaarWindowClassifier: WindowClassifier {
    var needsSquares: Bool { true }
    private let program: CascadeProgram
    /// Per feature: the four corner offsets of each of three rectangles, then three weights.
    private let table: UnsafeMutableBufferPointer<Int32>
    fileprivate static let entriesPerFeature = 16
    /// Per node: t|t| in Q63 (|t| < 1).
    private let squaredThresholds: UnsafeMutableBufferPointer<Int64>
    private let nodeFeatures: UnsafeMutableBufferPointer<Int32>
    private let border: (Int, Int, Int, Int)
    private let area: Int64

    init(_ cascade: Cascade, stride: Int) {
        precondition(cascade.kind == .haar)
        program = CascadeProgram(cascade)
        let featureCount = cascade.features.count / Cascade.haarValuesPerFeature
        table = .allocate(capacity: featureCount * Self.entriesPerFeature)
        table.initialize(repeating: 0)
        for feature in 0..<featureCount {
            let values = cascade.features[(feature * Cascade.haarValuesPerFeature)...]
            let entry = feature * Self.entriesPerFeature
            for rectangle in 0..<3 {
                let base = values.startIndex + rectangle * 5
                let x = values[base], y = values[base + 1], width = values[base + 2], height = values[base + 3]
                let top = y * stride + x, bottom = (y + height) * stride + x, corners = entry + rectangle * 4
                table[corners] = Int32(top)
                table[corners + 1] = Int32(top + width)
                table[corners + 2] = Int32(bottom)
                table[corners + 3] = Int32(bottom + width)
                table[entry + 12 + rectangle] = Int32(values[base + 4])
            }
        }
        squaredThresholds = .allocate(capacity: cascade.nodes.count)
        nodeFeatures = .allocate(capacity: cascade.nodes.count)
        for (index, node) in cascade.nodes.enumerated() {
            // (Q48)^2 = Q96; shifted down 33 it is t^2 in Q63, below 2^63 because |t| < 1.
            let magnitude = node.threshold.magnitude, square = magnitude.multipliedFullWidth(by: magnitude)
            let scaled = Int64(square.high << 31 | square.low >> 33)
            squaredThresholds.initializeElement(at: index, to: node.threshold < 0 ? -scaled : scaled)
            nodeFeatures.initializeElement(at: index, to: Int32(node.feature))
        }
        let width = cascade.windowWidth - 2, height = cascade.windowHeight - 2
        let top = stride + 1, bottom = (1 + height) * stride + 1
        border = (top, top + width, bottom, bottom + width)
        area = Int64(width * height)
    }

    deinit {
        table.deallocate()
        squaredThresholds.deallocate()
        nodeFeatures.deallocate()
    }

    func classify(_ integral: IntegralImage, at offset: Int) -> Int {
        let sums = UnsafePointer(integral.sums.baseAddress! + offset)
        let squares = UnsafePointer(integral.squares.baseAddress! + offset)
        let sum = rectangle(sums, border.0, border.1, border.2, border.3)
        let squareSum = rectangle(squares, border.0, border.1, border.2, border.3)
        let spread = area * squareSum - sum * sum
        guard spread > 100 * area * area else { return -1 }
        return program.run(Splits(
            sums: sums, table: UnsafePointer(table.baseAddress!), nodeFeatures: UnsafePointer(nodeFeatures.baseAddress!),
            squaredThresholds: UnsafePointer(squaredThresholds.baseAddress!), spread: spread))
    }

    private struct Splits: CascadeSplits {
        let sums: UnsafePointer<UInt32>
        let table: UnsafePointer<Int32>
        let nodeFeatures: UnsafePointer<Int32>
        let squaredThresholds: UnsafePointer<Int64>
        let spread: Int64

        @inline(__always)
        func goesLeft(_ node: Int) -> Bool {
            let entry = table + Int(nodeFeatures[node]) * HaarWindowClassifier.entriesPerFeature
            var value = Int64(entry[12]) &* rectangle(sums, Int(entry[0]), Int(entry[1]), Int(entry[2]), Int(entry[3]))
            value &+= Int64(entry[13]) &* rectangle(sums, Int(entry[4]), Int(entry[5]), Int(entry[6]), Int(entry[7]))
            if entry[14] != 0 {
                value &+= Int64(entry[14]) &* rectangle(sums, Int(entry[8]), Int(entry[9]), Int(entry[10]), Int(entry[11]))
            }
            // value|value| * 2^63 < t|t| * nf, as 128-bit numbers (validation keeps value|value|
            // below 2^62), subtracted with a borrow: the sign of the difference decides. Written
            // without branches, which would be mispredicted half the time.
            let sign = value >> 63
            let square = value &* ((value ^ sign) &- sign)
            let bound = squaredThresholds[node].multipliedFullWidth(by: spread)
            let low = UInt64(truncatingIfNeeded: square & 1) << 63
            let borrow: Int64 = low < bound.low ? 1 : 0
            return (square >> 1) &- bound.high &- borrow < 0
        }
    }
}

@inline(__always)
private func rectangle(_ table: UnsafePointer<UInt32>, _ a: Int, _ b: Int, _ c: Int, _ d: Int) -> Int64 {
    Int64(table[a] &- table[b] &- table[c] &+ table[d])
}
