/// Merges a detector's overlapping candidate windows into faces as OpenCV's
/// `groupRectangles(rects, minNeighbors, eps)` does: candidates whose corners all lie within
/// eps * (mean of their smaller sides) of each other are one group (transitively); a group of
/// more than `minNeighbors` becomes its average rectangle; a group inside a clearly stronger
/// group (its box grown by eps) is dropped. Arrays keep their capacity from frame to frame.
public final class RectangleGrouping {
    public let minNeighbors: Int
    /// eps as a fraction; OpenCV's detectMultiScale uses 0.2 = 1/5.
    public let epsilonNumerator: Int
    public let epsilonDenominator: Int
    private var parents: [Int] = []
    private var ranks: [Int] = []
    private var groupOf: [Int] = []
    private var groups: [(x: Int, y: Int, width: Int, height: Int, count: Int)] = []
    private var averages: [FaceBox] = []

    public init(minNeighbors: Int = 3, epsilonNumerator: Int = 1, epsilonDenominator: Int = 5) {
        precondition(epsilonNumerator >= 0 && epsilonDenominator > 0)
        self.minNeighbors = minNeighbors
        self.epsilonNumerator = epsilonNumerator
        self.epsilonDenominator = epsilonDenominator
    }

    /// OpenCV's SimilarRects: every edge within eps * (min width + min height) / 2.
    public func similar(_ a: FaceBox, _ b: FaceBox) -> Bool {
        let limit = epsilonNumerator * (min(a.width, b.width) + min(a.height, b.height))
        let scale = 2 * epsilonDenominator
        return scale * abs(a.x - b.x) <= limit && scale * abs(a.y - b.y) <= limit
            && scale * abs(a.x + a.width - b.x - b.width) <= limit && scale * abs(a.y + a.height - b.y - b.height) <= limit
    }

    /// Groups `candidates` into `faces` (emptied first).
    public func group(_ candidates: [FaceBox], into faces: inout [FaceBox]) {
        faces.removeAll(keepingCapacity: true)
        guard minNeighbors > 0 else {
            faces.append(contentsOf: candidates)
            return
        }
        partition(candidates)
        averages.removeAll(keepingCapacity: true)
        for group in groups {
            averages.append(FaceBox(
                x: Self.roundedMean(group.x, group.count), y: Self.roundedMean(group.y, group.count),
                width: Self.roundedMean(group.width, group.count), height: Self.roundedMean(group.height, group.count)))
        }
        for (index, box) in averages.enumerated() {
            let count = groups[index].count
            guard count > minNeighbors else { continue }
            var inside = false
            for (other, outer) in averages.enumerated() where other != index && groups[other].count > minNeighbors {
                let dx = Self.roundedRatio(outer.width * epsilonNumerator, epsilonDenominator)
                let dy = Self.roundedRatio(outer.height * epsilonNumerator, epsilonDenominator)
                let otherCount = groups[other].count
                if box.x >= outer.x - dx && box.y >= outer.y - dy && box.x + box.width <= outer.x + outer.width + dx
                    && box.y + box.height <= outer.y + outer.height + dy && (otherCount > max(3, count) || count < 3) {
                    inside = true
                    break
                }
            }
            if !inside { faces.append(box) }
        }
    }

    /// Union-find over all pairs (OpenCV's `partition`), then per group the sums of the boxes.
    private func partition(_ boxes: [FaceBox]) {
        parents.removeAll(keepingCapacity: true)
        ranks.removeAll(keepingCapacity: true)
        for index in boxes.indices {
            parents.append(index)
            ranks.append(0)
        }
        for i in boxes.indices {
            for j in (i + 1)..<boxes.count where similar(boxes[i], boxes[j]) {
                let a = root(i), b = root(j)
                guard a != b else { continue }
                if ranks[a] < ranks[b] { parents[a] = b } else {
                    parents[b] = a
                    if ranks[a] == ranks[b] { ranks[a] += 1 }
                }
            }
        }
        groupOf.removeAll(keepingCapacity: true)
        groupOf.append(contentsOf: repeatElement(-1, count: boxes.count))
        groups.removeAll(keepingCapacity: true)
        for (index, box) in boxes.enumerated() {
            let top = root(index)
            if groupOf[top] < 0 {
                groupOf[top] = groups.count
                groups.append((0, 0, 0, 0, 0))
            }
            let group = groupOf[top]
            groups[group].x += box.x
            groups[group].y += box.y
            groups[group].width += box.width
            groups[group].height += box.height
            groups[group].count += 1
        }
    }

    private func root(_ index: Int) -> Int {
        var top = index
        while parents[top] != top { top = parents[top] }
        var walk = index
        while parents[walk] != top {
            let next = parents[walk]
            parents[walk] = top
            walk = next
        }
        return top
    }

    /// OpenCV rounds a group's mean with cvRound: to the nearest integer, halves to even.
    static func roundedMean(_ sum: Int, _ count: Int) -> Int { roundedRatio(sum, count) }

    static func roundedRatio(_ numerator: Int, _ denominator: Int) -> Int {
        let whole = numerator >= 0 ? numerator / denominator : -((-numerator + denominator - 1) / denominator)
        let twiceRest = 2 * (numerator - whole * denominator)
        return whole + (twiceRest > denominator || (twiceRest == denominator && whole & 1 != 0) ? 1 : 0)
    }
}
