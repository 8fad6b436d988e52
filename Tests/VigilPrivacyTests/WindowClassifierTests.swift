import Testing
import VigilCore
@testable import VigilPrivacy

/// The integer classifiers against OpenCV's decision rules written with Double: one-stump
/// cascades with random features and thresholds, decided on every window of a noise image.
@Suite struct WindowClassifierTests {
    struct Random {
        var state: UInt64
        mutating func next(_ range: Range<Int>) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return range.lowerBound + Int((state >> 33) % UInt64(range.count))
        }
    }

    /// A cascade of one stage of one stump: leaf -1 (Q32) below the threshold, +1 above; the stage passes on +1.
    static func stump(kind: Cascade.Kind, window: Int, features: [Int], threshold: Int64 = 0, subsets: [UInt32] = []) -> Cascade {
        Cascade(
            name: "stump", kind: kind, windowWidth: window, windowHeight: window,
            stages: [Cascade.Stage(firstTree: 0, treeCount: 1, threshold: 0)], trees: [Cascade.Tree(firstNode: 0, firstLeaf: 0)],
            nodes: [Cascade.Node(feature: 0, left: 0, right: -1, threshold: threshold)],
            leaves: [-(1 << 32), 1 << 32], features: features, subsets: subsets)
    }

    @Test func haarDecisionsMatchOpenCVsFormula() throws {
        let window = 20, area = 18 * 18
        let plane = IntegralImageTests.noise(60, 50, seed: 5)
        // Smooth some of it so that variance refusals happen too.
        for y in 0..<25 { for x in 0..<30 { plane[x, y] = UInt8(100 + (x + y) / 8) } }
        let integral = IntegralImage(maximumWidth: 60, maximumHeight: 50)
        integral.integrate(plane, withSquares: true)
        var random = Random(state: 42)
        var outcomes: Set<Int> = []
        for _ in 0..<40 {
            var features: [Int] = []
            for (index, weight) in [-1, 2, 3].enumerated() {
                let w = random.next(1..<10), h = random.next(1..<10)
                features += [random.next(0..<(window - w)), random.next(0..<(window - h)), w, h, index == 2 && random.next(0..<2) == 0 ? 0 : weight]
            }
            let threshold = Double(random.next(-4000..<4000)) / 10000
            let cascade = Self.stump(kind: .haar, window: window, features: features, threshold: Int64(threshold * 281_474_976_710_656))
            try cascade.validate()
            let classifier = HaarWindowClassifier(cascade, stride: integral.stride)
            for y in 0...(50 - window) {
                for x in 0...(60 - window) {
                    let sum = Double(integral.sum(x: x + 1, y: y + 1, width: 18, height: 18))
                    let squares = Double(integral.squaredSum(x: x + 1, y: y + 1, width: 18, height: 18))
                    let spread = Double(area) * squares - sum * sum
                    var expected = -1
                    if spread > 0 && Double(area) / spread.squareRoot() < 0.1 {
                        var value = 0.0
                        for rectangle in 0..<3 {
                            let f = features[(rectangle * 5)...]
                            if f[f.startIndex + 4] == 0 { continue }
                            value += Double(f[f.startIndex + 4]) * Double(integral.sum(x: x + f[f.startIndex], y: y + f[f.startIndex + 1], width: f[f.startIndex + 2], height: f[f.startIndex + 3]))
                        }
                        expected = value / spread.squareRoot() < threshold ? 0 : 1
                    }
                    let got = classifier.classify(integral, at: y * integral.stride + x)
                    #expect(got == expected, "window \(x),\(y)")
                    outcomes.insert(got)
                }
            }
        }
        #expect(outcomes == [-1, 0, 1], "the windows exercise refusal, failure and success")
    }

    @Test func lbpCodesMatchTheirBlocks() throws {
        let window = 24
        let plane = IntegralImageTests.noise(50, 40, seed: 11)
        let integral = IntegralImage(maximumWidth: 50, maximumHeight: 40)
        integral.integrate(plane, withSquares: false)
        var random = Random(state: 7)
        for _ in 0..<20 {
            let w = random.next(1..<8), h = random.next(1..<8)
            let features = [random.next(0..<(window - 3 * w + 1)), random.next(0..<(window - 3 * h + 1)), w, h]
            var subsets: [UInt32] = []
            for _ in 0..<8 { subsets.append(UInt32(truncatingIfNeeded: random.next(0..<(1 << 30)) << 2 | random.next(0..<4))) }
            let cascade = Self.stump(kind: .lbp, window: window, features: features, subsets: subsets)
            try cascade.validate()
            let classifier = LBPWindowClassifier(cascade, stride: integral.stride)
            for y in 0...(40 - window) {
                for x in 0...(50 - window) {
                    func block(_ column: Int, _ row: Int) -> Int {
                        integral.sum(x: x + features[0] + column * w, y: y + features[1] + row * h, width: w, height: h)
                    }
                    let centre = block(1, 1)
                    // Clockwise from the top-left, most significant bit first.
                    let ring = [(0, 0), (1, 0), (2, 0), (2, 1), (2, 2), (1, 2), (0, 2), (0, 1)]
                    var code = 0
                    for (bit, place) in ring.enumerated() where block(place.0, place.1) >= centre { code |= 128 >> bit }
                    let inSubset = subsets[code / 32] & (1 << UInt32(code % 32)) != 0
                    // In the subset: left, leaf -1, the stage fails (0).
                    #expect(classifier.classify(integral, at: y * integral.stride + x) == (inSubset ? 0 : 1))
                }
            }
        }
    }

    @Test func treesAreWalkedByOpenCVsNumbering() throws {
        // Two-node trees as alt2 has: node 0 goes left to leaf 0 or right to node 1, which ends in leaves 1 and 2.
        let plane = IntegralImageTests.noise(30, 30, seed: 2)
        let integral = IntegralImage(maximumWidth: 30, maximumHeight: 30)
        integral.integrate(plane, withSquares: false)
        let features = [0, 0, 3, 3]
        for (left0, left1, expected) in [(true, false, 10), (false, true, 20), (false, false, 30)] {
            // An empty subset never goes left; a full one always does.
            let subset: (Bool) -> [UInt32] = { $0 ? [UInt32](repeating: .max, count: 8) : [UInt32](repeating: 0, count: 8) }
            let cascade = Cascade(
                name: "tree", kind: .lbp, windowWidth: 12, windowHeight: 12,
                stages: [Cascade.Stage(firstTree: 0, treeCount: 1, threshold: Int64(expected) << 32)],
                trees: [Cascade.Tree(firstNode: 0, firstLeaf: 0)],
                nodes: [Cascade.Node(feature: 0, left: 0, right: 1, threshold: 0), Cascade.Node(feature: 0, left: -1, right: -2, threshold: 0)],
                leaves: [10 << 32, 20 << 32, 30 << 32], features: features, subsets: subset(left0) + subset(left1))
            try cascade.validate()
            #expect(LBPWindowClassifier(cascade, stride: integral.stride).classify(integral, at: 0) == 1)
            let above = Cascade(
                name: "tree", kind: .lbp, windowWidth: 12, windowHeight: 12,
                stages: [Cascade.Stage(firstTree: 0, treeCount: 1, threshold: Int64(expected + 1) << 32)],
                trees: cascade.trees, nodes: cascade.nodes, leaves: cascade.leaves, features: features, subsets: cascade.subsets)
            #expect(LBPWindowClassifier(above, stride: integral.stride).classify(integral, at: 0) == 0)
        }
    }

    @Test func brokenTablesAreRefused() {
        let good = Self.stump(kind: .lbp, window: 24, features: [0, 0, 8, 8], subsets: [UInt32](repeating: 0, count: 8))
        #expect(throws: Never.self) { try good.validate() }
        let outside = Self.stump(kind: .lbp, window: 24, features: [1, 0, 8, 8], subsets: good.subsets)
        #expect(throws: CascadeError.self) { try outside.validate() }
        let noSubsets = Self.stump(kind: .lbp, window: 24, features: [0, 0, 8, 8])
        #expect(throws: CascadeError.self) { try noSubsets.validate() }
        let haar = Self.stump(kind: .haar, window: 40, features: [0, 0, 4, 4, -1, 0, 0, 2, 2, 2, 0, 0, 0, 0, 0])
        #expect(throws: Never.self) { try haar.validate() }
        let beyondOne = Self.stump(kind: .haar, window: 40, features: haar.features, threshold: 1 << 48)
        #expect(throws: CascadeError.self) { try beyondOne.validate() }
    }
}
