import VigilCore

/// Connected components (8-connected) of a 0/255 mask, found run by run: each row's runs of
/// foreground are joined to the overlapping runs of the row above with union-find, and the
/// moments are summed per run in closed form. Storage is allocated once; a frame with more
/// than `labelCapacity` fragments keeps the first ones and counts the rest as `overflowed`.
public final class BlobExtractor {
    public let width: Int
    public let height: Int
    public let labelCapacity: Int
    private var parent: [Int32]
    private var partial: [Blob]
    private var previousRuns: [(start: Int, end: Int, label: Int32)]
    private var currentRuns: [(start: Int, end: Int, label: Int32)]
    private var found: [Blob]
    public private(set) var overflowed = 0

    public init(width: Int, height: Int, labelCapacity: Int = 4096) {
        self.width = width
        self.height = height
        self.labelCapacity = labelCapacity
        parent = [Int32](repeating: 0, count: labelCapacity)
        partial = [Blob](repeating: Blob(), count: labelCapacity)
        previousRuns = []
        currentRuns = []
        previousRuns.reserveCapacity(width / 2 + 1)
        currentRuns.reserveCapacity(width / 2 + 1)
        found = []
        found.reserveCapacity(labelCapacity)
    }

    private func root(_ label: Int32) -> Int32 {
        var current = label
        while parent[Int(current)] != current {
            parent[Int(current)] = parent[Int(parent[Int(current)])]  // path halving
            current = parent[Int(current)]
        }
        return current
    }

    private func union(_ a: Int32, _ b: Int32) -> Int32 {
        let ra = root(a), rb = root(b)
        if ra == rb { return ra }
        let (keep, drop) = ra < rb ? (ra, rb) : (rb, ra)
        parent[Int(drop)] = keep
        return keep
    }

    /// The blobs of `mask` with at least `minimumArea` pixels, largest first. The returned
    /// storage is reused by the next call.
    public func extract(_ mask: Plane, minimumArea: Int = 1) -> ArraySlice<Blob> {
        precondition(mask.width == width && mask.height == height)
        var labels: Int32 = 0
        overflowed = 0
        previousRuns.removeAll(keepingCapacity: true)
        for y in 0..<height {
            currentRuns.removeAll(keepingCapacity: true)
            let row = mask.row(y)
            var x = 0
            var above = 0
            while x < width {
                while x < width && row[x] == 0 { x += 1 }
                guard x < width else { break }
                let start = x
                while x < width && row[x] != 0 { x += 1 }
                let end = x - 1
                // 8-connectivity: a run above touches if it overlaps [start - 1, end + 1].
                while above < previousRuns.count && previousRuns[above].end < start - 1 { above += 1 }
                var label: Int32 = -1
                var scan = above
                while scan < previousRuns.count && previousRuns[scan].start <= end + 1 {
                    let other = previousRuns[scan].label
                    if other >= 0 { label = label < 0 ? root(other) : union(label, other) }
                    scan += 1
                }
                if label < 0 {
                    guard Int(labels) < labelCapacity else {
                        overflowed += 1
                        currentRuns.append((start, end, -1))
                        continue
                    }
                    label = labels
                    parent[Int(label)] = label
                    partial[Int(label)] = Blob()
                    labels += 1
                }
                partial[Int(label)].addRun(y: y, from: start, to: end)
                currentRuns.append((start, end, label))
            }
            swap(&previousRuns, &currentRuns)
        }
        // Fold every fragment into its root, then keep the roots that are large enough.
        for label in 0..<labels {
            let top = root(label)
            if top != label { partial[Int(top)].merge(partial[Int(label)]) }
        }
        found.removeAll(keepingCapacity: true)
        for label in 0..<labels where parent[Int(label)] == label && partial[Int(label)].area >= minimumArea {
            found.append(partial[Int(label)])
        }
        // Insertion sort: few blobs survive the opening, and it never allocates.
        for index in found.indices.dropFirst() {
            let blob = found[index]
            var slot = index
            while slot > 0 && found[slot - 1].area < blob.area {
                found[slot] = found[slot - 1]
                slot -= 1
            }
            found[slot] = blob
        }
        return found[...]
    }
}
