/// How one window decides the splits of a cascade: a Haar value against a threshold, an LBP code
/// in a subset. A struct per window, so that the walk is specialised and inlined for it.
protocol CascadeSplits {
    /// True when node `node` sends the window to its left child.
    func goesLeft(_ node: Int) -> Bool
}

/// A cascade's stages, trees and leaves in flat buffers, walked as OpenCV's predict functions
/// walk them; what a split looks at is the `CascadeSplits`'.
final class CascadeProgram {
    private let stageCount: Int
    private let stageEnds: UnsafeMutableBufferPointer<Int32>
    private let stageThresholds: UnsafeMutableBufferPointer<Int64>
    /// Stumps (one split per tree): tree i is node i, its left leaf at 2i and its right at 2i + 1,
    /// so the leaf's address follows from the split without a branch.
    private let stumps: Bool
    private let stumpLeaves: UnsafeMutableBufferPointer<Int64>
    /// Trees in general.
    private let treeFirstNode: UnsafeMutableBufferPointer<Int32>
    private let treeFirstLeaf: UnsafeMutableBufferPointer<Int32>
    /// Node n's left child at 2n, its right at 2n + 1.
    private let children: UnsafeMutableBufferPointer<Int32>
    private let leaves: UnsafeMutableBufferPointer<Int64>

    init(_ cascade: Cascade) {
        stageCount = cascade.stages.count
        stageEnds = .allocate(capacity: stageCount)
        stageThresholds = .allocate(capacity: stageCount)
        for (index, stage) in cascade.stages.enumerated() {
            stageEnds.initializeElement(at: index, to: Int32(stage.firstTree + stage.treeCount))
            stageThresholds.initializeElement(at: index, to: stage.threshold)
        }
        stumps = cascade.isStumps
        let nodeCount = cascade.nodes.count
        stumpLeaves = .allocate(capacity: stumps ? 2 * nodeCount : 0)
        if stumps {
            for (index, tree) in cascade.trees.enumerated() {
                let node = cascade.nodes[tree.firstNode]
                stumpLeaves.initializeElement(at: 2 * index, to: cascade.leaves[tree.firstLeaf - node.left])
                stumpLeaves.initializeElement(at: 2 * index + 1, to: cascade.leaves[tree.firstLeaf - node.right])
            }
        }
        treeFirstNode = .allocate(capacity: cascade.trees.count)
        treeFirstLeaf = .allocate(capacity: cascade.trees.count)
        for (index, tree) in cascade.trees.enumerated() {
            treeFirstNode.initializeElement(at: index, to: Int32(tree.firstNode))
            treeFirstLeaf.initializeElement(at: index, to: Int32(tree.firstLeaf))
        }
        children = .allocate(capacity: 2 * nodeCount)
        for (index, node) in cascade.nodes.enumerated() {
            children.initializeElement(at: 2 * index, to: Int32(node.left))
            children.initializeElement(at: 2 * index + 1, to: Int32(node.right))
        }
        leaves = .allocate(capacity: cascade.leaves.count)
        _ = leaves.initialize(from: cascade.leaves)
    }

    deinit {
        for buffer in [stageEnds, treeFirstNode, treeFirstLeaf, children] { buffer.deallocate() }
        for buffer in [stageThresholds, stumpLeaves, leaves] { buffer.deallocate() }
    }

    /// Runs the stages on one window. Returns OpenCV's result: 1 when every stage passed, else
    /// minus the index of the stage that failed (0 for the first, which tells the scan to skip
    /// the next position).
    @inline(__always)
    func run<Splits: CascadeSplits>(_ splits: Splits) -> Int {
        var tree = 0
        for stage in 0..<stageCount {
            let end = Int(stageEnds[stage])
            var sum: Int64 = 0
            if stumps {
                while tree < end {
                    sum &+= stumpLeaves[2 * tree + (splits.goesLeft(tree) ? 0 : 1)]
                    tree += 1
                }
            } else {
                while tree < end {
                    let root = Int(treeFirstNode[tree])
                    var index = 0
                    repeat {
                        let node = root + index
                        index = Int(children[2 * node + (splits.goesLeft(node) ? 0 : 1)])
                    } while index > 0
                    sum &+= leaves[Int(treeFirstLeaf[tree]) - index]
                    tree += 1
                }
            }
            if sum < stageThresholds[stage] { return -stage }
        }
        return 1
    }
}
