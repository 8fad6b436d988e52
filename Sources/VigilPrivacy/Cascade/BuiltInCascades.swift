import CCascades

/// The cascades compiled into vigil from Debian's opencv-data package (scripts/convert-cascades.py).
public enum BuiltInCascades {
    /// The cascade `vigil faces` uses unless told otherwise.
    public static let defaultName = "haarcascade_frontalface_default"

    public static var names: [String] {
        var names: [String] = []
        for index in 0..<vigil_cascade_count() {
            if let table = vigil_cascade_at(index) { names.append(String(cString: table.pointee.name)) }
        }
        return names
    }

    /// The licence of the file a cascade was converted from, which travels with its tables.
    public static func licence(of name: String) -> String? {
        table(named: name).map { String(cString: $0.pointee.licence) }
    }

    /// The file under /usr/share/opencv4 a cascade was converted from.
    public static func source(of name: String) -> String? {
        table(named: name).map { String(cString: $0.pointee.source) }
    }

    public static func cascade(named name: String) -> Cascade? {
        guard let table = table(named: name)?.pointee else { return nil }
        let stages = (0..<Int(table.stage_count)).map { index in
            let stage = table.stages[index]
            return Cascade.Stage(firstTree: Int(stage.first_tree), treeCount: Int(stage.tree_count), threshold: stage.threshold)
        }
        let trees = (0..<Int(table.tree_count)).map { index in
            Cascade.Tree(firstNode: Int(table.trees[index].first_node), firstLeaf: Int(table.trees[index].first_leaf))
        }
        let nodes = (0..<Int(table.node_count)).map { index in
            let node = table.nodes[index]
            return Cascade.Node(feature: Int(node.feature), left: Int(node.left), right: Int(node.right), threshold: node.threshold)
        }
        let perFeature = table.kind == Int32(VIGIL_CASCADE_HAAR) ? Cascade.haarValuesPerFeature : Cascade.lbpValuesPerFeature
        return Cascade(
            name: name, kind: table.kind == Int32(VIGIL_CASCADE_HAAR) ? .haar : .lbp,
            windowWidth: Int(table.window_width), windowHeight: Int(table.window_height),
            stages: stages, trees: trees, nodes: nodes,
            leaves: (0..<Int(table.leaf_count)).map { table.leaves[$0] },
            features: (0..<Int(table.feature_count) * perFeature).map { Int(table.features[$0]) },
            subsets: (0..<Int(table.subset_word_count)).map { UInt32(bitPattern: table.subsets[$0]) })
    }

    private static func table(named name: String) -> UnsafePointer<vigil_cascade>? {
        for index in 0..<vigil_cascade_count() {
            if let table = vigil_cascade_at(index), String(cString: table.pointee.name) == name { return table }
        }
        return nil
    }
}
