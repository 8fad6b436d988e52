/// LBP cascade windows, as OpenCV's LBPEvaluator: each feature is a 3x3 grid of equal blocks; the
/// 8-bit code says which outer blocks' sums are at least the centre block's, and the node goes
/// left when the code is in its 256-bit subset. Integer throughout, in OpenCV too.
final class LBPWindowClassifier: WindowClassifier {
    var needsSquares: Bool { false }
    private let program: CascadeProgram
    /// Per feature: the 4x4 grid of block corners as offsets, row by row.
    private let corners: UnsafeMutableBufferPointer<Int32>
    private let nodeFeatures: UnsafeMutableBufferPointer<Int32>
    private let subsets: UnsafeMutableBufferPointer<UInt32>

    init(_ cascade: Cascade, stride: Int) {
        precondition(cascade.kind == .lbp)
        program = CascadeProgram(cascade)
        let featureCount = cascade.features.count / Cascade.lbpValuesPerFeature
        corners = .allocate(capacity: featureCount * 16)
        for feature in 0..<featureCount {
            let base = feature * Cascade.lbpValuesPerFeature
            let x = cascade.features[base], y = cascade.features[base + 1]
            let width = cascade.features[base + 2], height = cascade.features[base + 3]
            for row in 0..<4 {
                for column in 0..<4 {
                    corners.initializeElement(at: feature * 16 + row * 4 + column, to: Int32((y + row * height) * stride + x + column * width))
                }
            }
        }
        nodeFeatures = .allocate(capacity: cascade.nodes.count)
        for (index, node) in cascade.nodes.enumerated() { nodeFeatures.initializeElement(at: index, to: Int32(node.feature)) }
        subsets = .allocate(capacity: cascade.subsets.count)
        _ = subsets.initialize(from: cascade.subsets)
    }

    deinit {
        corners.deallocate()
        nodeFeatures.deallocate()
        subsets.deallocate()
    }

    func classify(_ integral: IntegralImage, at offset: Int) -> Int {
        let sums = UnsafePointer(integral.sums.baseAddress! + offset)
        let corners = UnsafePointer(self.corners.baseAddress!), nodeFeatures = UnsafePointer(self.nodeFeatures.baseAddress!)
        let subsets = UnsafePointer(self.subsets.baseAddress!)
        return program.run { node in
            let p = corners + Int(nodeFeatures[node]) * 16
            @inline(__always) func block(_ a: Int, _ b: Int, _ c: Int, _ d: Int) -> UInt32 {
                sums[Int(p[a])] &- sums[Int(p[b])] &- sums[Int(p[c])] &+ sums[Int(p[d])]
            }
            let centre = block(5, 6, 9, 10)
            // Clockwise from the top-left block, most significant bit first (OpenCV's order).
            var code = block(0, 1, 4, 5) >= centre ? 128 : 0
            code |= block(1, 2, 5, 6) >= centre ? 64 : 0
            code |= block(2, 3, 6, 7) >= centre ? 32 : 0
            code |= block(6, 7, 10, 11) >= centre ? 16 : 0
            code |= block(10, 11, 14, 15) >= centre ? 8 : 0
            code |= block(9, 10, 13, 14) >= centre ? 4 : 0
            code |= block(8, 9, 12, 13) >= centre ? 2 : 0
            code |= block(4, 5, 8, 9) >= centre ? 1 : 0
            return subsets[node * 8 + code >> 5] & (UInt32(1) << UInt32(code & 31)) != 0
        }
    }
}
