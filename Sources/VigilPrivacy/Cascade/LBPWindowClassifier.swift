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
        program.run(Splits(
            sums: UnsafePointer(integral.sums.baseAddress! + offset), corners: UnsafePointer(corners.baseAddress!),
            nodeFeatures: UnsafePointer(nodeFeatures.baseAddress!), subsets: UnsafePointer(subsets.baseAddress!)))
    }

    private struct Splits: CascadeSplits {
        let sums: UnsafePointer<UInt32>
        let corners: UnsafePointer<Int32>
        let nodeFeatures: UnsafePointer<Int32>
        let subsets: UnsafePointer<UInt32>

        @inline(__always)
        func goesLeft(_ node: Int) -> Bool {
            let code = self.code(corners + Int(nodeFeatures[node]) * 16)
            return subsets[node * 8 + code >> 5] & (UInt32(1) << UInt32(code & 31)) != 0
        }

        /// The 8-bit code of one feature: which of the outer blocks, clockwise from the top-left
        /// and most significant bit first (OpenCV's order), sum to at least the centre block.
        /// The 16 corners are read once; each block is four of them.
        @inline(__always)
        private func code(_ p: UnsafePointer<Int32>) -> Int {
            @inline(__always) func corner(_ index: Int) -> UInt32 { sums[Int(p[index])] }
            let c0 = corner(0), c1 = corner(1), c2 = corner(2), c3 = corner(3)
            let c4 = corner(4), c5 = corner(5), c6 = corner(6), c7 = corner(7)
            let c8 = corner(8), c9 = corner(9), c10 = corner(10), c11 = corner(11)
            let c12 = corner(12), c13 = corner(13), c14 = corner(14), c15 = corner(15)
            @inline(__always) func block(_ a: UInt32, _ b: UInt32, _ c: UInt32, _ d: UInt32) -> UInt32 { a &- b &- c &+ d }
            let centre = block(c5, c6, c9, c10)
            var code = block(c0, c1, c4, c5) >= centre ? 128 : 0
            code |= block(c1, c2, c5, c6) >= centre ? 64 : 0
            code |= block(c2, c3, c6, c7) >= centre ? 32 : 0
            code |= block(c6, c7, c10, c11) >= centre ? 16 : 0
            code |= block(c10, c11, c14, c15) >= centre ? 8 : 0
            code |= block(c9, c10, c13, c14) >= centre ? 4 : 0
            code |= block(c8, c9, c12, c13) >= centre ? 2 : 0
            code |= block(c4, c5, c8, c9) >= centre ? 1 : 0
            return code
        }
    }
}
