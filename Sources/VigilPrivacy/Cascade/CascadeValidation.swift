extension Cascade {
    /// Checks that every index stays inside the tables and every feature inside the window, so
    /// the classifiers can walk them unchecked. The built-in cascades were checked by the converter.
    @_optimize(size)
    public func validate() throws(CascadeError) {
        let what = "cascade " + name + ": "
        guard windowWidth >= 4, windowHeight >= 4, windowWidth <= 127, windowHeight <= 127 else {
            throw CascadeError(what + "window \(windowWidth)x\(windowHeight) is outside 4..127")
        }
        guard !stages.isEmpty else { throw CascadeError(what + "no stages") }
        var nextTree = 0
        for (index, stage) in stages.enumerated() {
            guard stage.firstTree == nextTree, stage.treeCount > 0 else {
                throw CascadeError(what + "stage \(index) does not continue at tree \(nextTree)")
            }
            nextTree += stage.treeCount
        }
        guard nextTree == trees.count else { throw CascadeError(what + "the stages cover \(nextTree) of \(trees.count) trees") }
        let perFeature = kind == .haar ? Cascade.haarValuesPerFeature : Cascade.lbpValuesPerFeature
        guard features.count % perFeature == 0, !features.isEmpty else { throw CascadeError(what + "features are not \(perFeature) values each") }
        let featureCount = features.count / perFeature
        for (index, tree) in trees.enumerated() {
            let nodeEnd = index + 1 < trees.count ? trees[index + 1].firstNode : nodes.count
            let leafEnd = index + 1 < trees.count ? trees[index + 1].firstLeaf : leaves.count
            let nodeCount = nodeEnd - tree.firstNode
            guard tree.firstNode >= 0, nodeCount > 0, tree.firstLeaf >= 0, leafEnd - tree.firstLeaf == nodeCount + 1 else {
                throw CascadeError(what + "tree \(index) needs n nodes and n + 1 leaves")
            }
            for local in 0..<nodeCount {
                let node = nodes[tree.firstNode + local]
                for child in [node.left, node.right] where child > 0 ? !(local < child && child < nodeCount) : -child > nodeCount {
                    throw CascadeError(what + "tree \(index) node \(local): child \(child) is not a later node or a leaf")
                }
                guard node.feature >= 0 && node.feature < featureCount else {
                    throw CascadeError(what + "tree \(index) node \(local): feature \(node.feature) does not exist")
                }
            }
        }
        if kind == .haar {
            try validateHaarFeatures(featureCount, what)
        } else {
            try validateLBPFeatures(featureCount, what)
        }
    }

    private func validateHaarFeatures(_ count: Int, _ what: String) throws(CascadeError) {
        for node in nodes where node.threshold.magnitude >= 1 << 48 {
            throw CascadeError(what + "a Haar node threshold of \(node.threshold) (Q48) is not within -1..1")
        }
        for feature in 0..<count {
            var reach = 0
            for rectangle in 0..<3 {
                let base = feature * Cascade.haarValuesPerFeature + rectangle * 5
                reach += abs(features[base + 4]) * features[base + 2] * features[base + 3] * 255
                let x = features[base], y = features[base + 1], width = features[base + 2], height = features[base + 3]
                guard features[base + 4] != 0 || rectangle == 2 else { throw CascadeError(what + "feature \(feature) has a rectangle of weight 0") }
                guard features[base + 4] == 0 || (x >= 0 && y >= 0 && width > 0 && height > 0 && x + width <= windowWidth && y + height <= windowHeight) else {
                    throw CascadeError(what + "feature \(feature) has a rectangle outside the window")
                }
            }
            // Its value squared must fit 64 bits.
            guard reach < 1 << 31 else { throw CascadeError(what + "feature \(feature) has weights too large") }
        }
    }

    private func validateLBPFeatures(_ count: Int, _ what: String) throws(CascadeError) {
        guard subsets.count == 8 * nodes.count else { throw CascadeError(what + "LBP needs 8 subset words per node") }
        for feature in 0..<count {
            let base = feature * Cascade.lbpValuesPerFeature
            let x = features[base], y = features[base + 1], width = features[base + 2], height = features[base + 3]
            guard x >= 0, y >= 0, width > 0, height > 0, x + 3 * width <= windowWidth, y + 3 * height <= windowHeight else {
                throw CascadeError(what + "feature \(feature): its 3x3 blocks leave the window")
            }
        }
    }
}
