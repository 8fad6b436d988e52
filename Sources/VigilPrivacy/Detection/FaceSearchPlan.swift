import VigilCore

/// Where the face detector looks in each frame of a stream, so that its cost per frame stays
/// within `windowBudget` windows:
/// 1. around each face held from the last frame, for windows of about its size;
/// 2. in the head zone of each tracked person, for windows up to one and a half times the
///    person's width (a face is narrower than the shoulders) - people beyond the budget wait,
///    their head zones are covered meanwhile;
/// 3. with what is left (at least a quarter of the budget), the next rows of a sweep that scans
///    the whole frame level by level, so that someone who stands still (and so has no track)
///    is found too, within `sweepFrames`.
/// The first frame is searched in full, over the budget: nothing is held or tracked yet, and a
/// face in view when the stream starts must not wait for the sweep.
/// The budget counts the windows a region can hold; the detector, which skips a position after
/// a window fails the first stage, tries fewer.
public final class FaceSearchPlan {
    public let width: Int
    public let height: Int
    public let windowBudget: Int
    /// Frames one sweep of the whole frame takes at most (when people and faces take their
    /// three quarters of the budget).
    public let sweepFrames: Int
    private let levels: [PyramidLevel]
    private let cascadeWidth: Int
    private let cascadeHeight: Int
    private var sweepLevel = 0
    private var sweepRow = 0
    private var started = false
    /// Windows of a full search of the frame.
    public let fullSearchWindows: Int
    public private(set) var regions: [SearchRegion] = []
    /// Windows the regions of the last frame hold, as the budget counts them.
    public private(set) var plannedWindows = 0
    /// The rows the regions of the last frame span: all the detector reads.
    public var rows: Range<Int> {
        guard let first = regions.first else { return 0..<0 }
        let top = regions.reduce(first.box.minY) { min($0, $1.box.minY) }, bottom = regions.reduce(first.box.maxY) { max($0, $1.box.maxY) }
        return top..<(bottom + 1)
    }

    public init(for detector: FaceDetector, windowBudget: Int = 4000) {
        precondition(windowBudget > 0)
        width = detector.width
        height = detector.height
        self.windowBudget = windowBudget
        levels = detector.levels
        cascadeWidth = detector.cascade.windowWidth
        cascadeHeight = detector.cascade.windowHeight
        let sweepShare = windowBudget - windowBudget / 4 * 3
        var total = 0
        for level in detector.levels { total += FaceSearchPlan.rowWindows(level, detector.cascade.windowWidth) * FaceSearchPlan.rowCount(level, detector.cascade.windowHeight) }
        sweepFrames = (total + sweepShare - 1) / sweepShare
        fullSearchWindows = total
        regions.reserveCapacity(64)
    }

    /// This frame's regions, given the tracked people and the faces covered in the last frame
    /// (full-frame pixels).
    public func next(people: [TrackedPerson], faces: [Box]) -> [SearchRegion] {
        regions.removeAll(keepingCapacity: true)
        guard started else {
            started = true
            regions.append(SearchRegion(box: Box(minX: 0, minY: 0, maxX: width - 1, maxY: height - 1)))
            plannedWindows = fullSearchWindows
            return regions
        }
        plannedWindows = 0
        let targeted = windowBudget / 4 * 3
        for face in faces {
            add(face.grown(by: face.width / 2), minimumWindowHeight: face.height * 2 / 3, maximumWindowHeight: face.height * 3 / 2, within: targeted)
        }
        for person in people {
            add(Redactor.headZone(of: person.box), maximumWindowHeight: person.box.width * 3 / 2, within: targeted)
        }
        sweep(windowBudget - plannedWindows)
        return regions
    }

    /// Adds the part of `box` inside the frame, for windows of the given heights, if its windows
    /// fit in what is left of `limit`.
    private func add(_ box: Box, minimumWindowHeight: Int = 0, maximumWindowHeight: Int, within limit: Int) {
        guard let inside = box.clipped(width: width, height: height) else { return }
        let region = SearchRegion(box: inside, minimumWindowHeight: minimumWindowHeight, maximumWindowHeight: maximumWindowHeight)
        let cost = windows(in: region)
        guard cost > 0 && plannedWindows + cost <= limit else { return }
        regions.append(region)
        plannedWindows += cost
    }

    /// The next rows of the sweep, level after level, for about `budget` windows.
    private func sweep(_ budget: Int) {
        var left = budget
        var levelsVisited = 0
        while left > 0 && levelsVisited < levels.count {
            let level = levels[sweepLevel]
            let perRow = FaceSearchPlan.rowWindows(level, cascadeWidth), lastTop = level.height - cascadeHeight
            let rowsLeft = (lastTop - sweepRow) / level.step + 1
            let taken = min(rowsLeft, max(1, left / perRow))
            let top = level.fullImage(sweepRow), bottom = min(height, level.fullImage(sweepRow + (taken - 1) * level.step) + level.windowHeight) - 1
            regions.append(SearchRegion(box: Box(minX: 0, minY: top, maxX: width - 1, maxY: bottom),
                                        minimumWindowHeight: level.windowHeight, maximumWindowHeight: level.windowHeight))
            plannedWindows += taken * perRow
            left -= taken * perRow
            sweepRow += taken * level.step
            if sweepRow > lastTop {
                sweepRow = 0
                sweepLevel = (sweepLevel + 1) % levels.count
                levelsVisited += 1
            }
        }
    }

    /// The windows a region holds over all levels whose window size it admits.
    func windows(in region: SearchRegion) -> Int {
        var count = 0
        for level in levels where region.holds(level.windowWidth, level.windowHeight) {
            let across = (region.box.width - level.windowWidth) * level.width / width / level.step + 1
            let down = (region.box.height - level.windowHeight) * level.height / height / level.step + 1
            count += across * down
        }
        return count
    }

    private static func rowWindows(_ level: PyramidLevel, _ cascadeWidth: Int) -> Int { (level.width - cascadeWidth) / level.step + 1 }
    private static func rowCount(_ level: PyramidLevel, _ cascadeHeight: Int) -> Int { (level.height - cascadeHeight) / level.step + 1 }
}
