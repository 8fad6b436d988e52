/// A boosted cascade of OpenCV's format in integer form: stages of weak trees over Haar or LBP
/// features. Fixed point as `scripts/convert-cascades.py` writes it: Haar node thresholds in Q48,
/// leaf values and stage thresholds in Q32 (value * 2^n).
public struct Cascade: Sendable {
    public enum Kind: Sendable { case haar, lbp }

    public struct Stage: Sendable {
        public var firstTree: Int
        public var treeCount: Int
        /// Q32: the stage passes when the sum of its trees' leaves is at least this.
        public var threshold: Int64

        public init(firstTree: Int, treeCount: Int, threshold: Int64) {
            self.firstTree = firstTree
            self.treeCount = treeCount
            self.threshold = threshold
        }
    }

    public struct Tree: Sendable {
        public var firstNode: Int
        public var firstLeaf: Int

        public init(firstNode: Int, firstLeaf: Int) {
            self.firstNode = firstNode
            self.firstLeaf = firstLeaf
        }
    }

    /// One split of a tree. A child > 0 is the next node of the same tree, a child <= 0 the
    /// tree's leaf number -child (OpenCV's numbering).
    public struct Node: Sendable {
        public var feature: Int
        public var left: Int
        public var right: Int
        /// Haar, Q48: `left` when the normalised feature value is below it. LBP: unused; the
        /// node's 256-bit subset is words 8n..8n+7 of `subsets`, and `left` is taken for codes in it.
        public var threshold: Int64

        public init(feature: Int, left: Int, right: Int, threshold: Int64) {
            self.feature = feature
            self.left = left
            self.right = right
            self.threshold = threshold
        }
    }

    public let name: String
    public let kind: Kind
    public let windowWidth: Int
    public let windowHeight: Int
    public let stages: [Stage]
    public let trees: [Tree]
    public let nodes: [Node]
    /// Q32.
    public let leaves: [Int64]
    /// Haar: 15 per feature, three rectangles of x, y, width, height, weight (weight 0: unused).
    /// LBP: 4 per feature, x, y, width, height of the top-left of its 3x3 blocks.
    public let features: [Int]
    /// LBP: 8 words per node.
    public let subsets: [UInt32]

    public static let haarValuesPerFeature = 15
    public static let lbpValuesPerFeature = 4

    public init(
        name: String, kind: Kind, windowWidth: Int, windowHeight: Int, stages: [Stage], trees: [Tree], nodes: [Node],
        leaves: [Int64], features: [Int], subsets: [UInt32]
    ) {
        self.name = name
        self.kind = kind
        self.windowWidth = windowWidth
        self.windowHeight = windowHeight
        self.stages = stages
        self.trees = trees
        self.nodes = nodes
        self.leaves = leaves
        self.features = features
        self.subsets = subsets
    }

    /// Every tree a single split: evaluated by the faster stump loop.
    public var isStumps: Bool {
        trees.count == nodes.count && leaves.count == 2 * nodes.count
            && nodes.allSatisfy { $0.left <= 0 && $0.right <= 0 }
    }
}
