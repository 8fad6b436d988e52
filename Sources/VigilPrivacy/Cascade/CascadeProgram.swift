/// A cascade's stages, trees and leaves in flat buffers, walked as OpenCV's predict functions
/// walk them; what a split looks at (a Haar value, an LBP code) is the caller's.
final class CascadeProgram {
    private let stageCount: Int
    private let stageEnds: UnsafeMutableBufferPointer<Int32>
    private let stageThresholds: UnsafeMutableBufferPointer<Int64>
    /// Stumps (one split per tree): tree i is node i, with its two leaves resolved.
    private let stumps: Bool
    private let stumpLeft: UnsafeMutableBufferPointer<Int64>
    private let stumpRight: UnsafeMutableBufferPointer<Int64>
    /// Trees in general.
    private let treeFirstNode: UnsafeMutableBufferPointer<Int32>
    private let treeFirstLeaf: UnsafeMutableBufferPointer<Int32>
    private let nodeLeft: UnsafeMutableBufferPointer<Int32>
    private let nodeRight: UnsafeMutableBufferPointer<Int32>
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
        stumpLeft = .allocate(capacity: stumps ? nodeCount : 0)
        stumpRight = .allocate(capacity: stumps ? nodeCount : 0)
        if stumps {
            for (index, tree) in cascade.trees.enumerated() {
                let node = cascade.nodes[tree.firstNode]
                stumpLeft.initializeElement(at: index, to: cascade.leaves[tree.firstLeaf - node.left])
                stumpRight.initializeElement(at: index, to: cascade.leaves[tree.firstLeaf - node.right])
            }
        }
        treeFirstNode = .allocate(capacity: cascade.trees.count)
        treeFirstLeaf = .allocate(capacity: cascade.trees.count)
        for (index, tree) in cascade.trees.enumerated() {
            treeFirstNode.initializeElement(at: index, to: Int32(tree.firstNode))
            treeFirstLeaf.initializeElement(at: index, to: Int32(tree.firstLeaf))
        }
        nodeLeft = .allocate(capacity: nodeCount)
        nodeRight = .allocate(capacity: nodeCount)
        for (index, node) in cascade.nodes.enumerated() {
            nodeLeft.initializeElement(at: index, to: Int32(node.left))
            nodeRight.initializeElement(at: index, to: Int32(node.right))
        }
        leaves = .allocate(capacity: cascade.leaves.count)
        _ = leaves.initialize(from: cascade.leaves)
    }

    deinit {
        for buffer in [stageEnds, treeFirstNode, treeFirstLeaf, nodeLeft, nodeRight] { buffer.deallocate() }
        for buffer in [stageThresholds, stumpLeft, stumpRight, leaves] { buffer.deallocate() }
    }

    /// Runs the stages on one window. `goesLeft(node)` evaluates a split. Returns OpenCV's
    /// result: 1 when every stage passed, else minus the index of the stage that failed (0 for
    /// the first, which tells the scan to skip the next position).
    @inline(__always)
    func run(_ goesLeft: (Int) -> Bool) -> Int {
        var tree = 0
        for stage in 0..<stageCount {
            let end = Int(stageEnds[stage])
            var sum: Int64 = 0
            if stumps {
                while tree < end {
                    sum &+= goesLeft(tree) ? stumpLeft[tree] : stumpRight[tree]
                    tree += 1
                }
            } else {
                while tree < end {
                    let root = Int(treeFirstNode[tree])
                    var index = 0
                    repeat {
                        index = Int(goesLeft(root + index) ? nodeLeft[root + index] : nodeRight[root + index])
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
