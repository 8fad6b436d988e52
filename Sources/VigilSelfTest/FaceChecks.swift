import VigilCore
import VigilPrivacy

/// A bright square on a dark plane, and a one-stump Haar cascade that fires on a window whose
/// centre third is bright: the pattern and its detector, made for each other.
private func squareDetector(window: Int = 12) -> Cascade {
    let third = window / 3
    return Cascade(
        name: "bright-centre", kind: .haar, windowWidth: window, windowHeight: window,
        stages: [Cascade.Stage(firstTree: 0, treeCount: 1, threshold: 0)], trees: [Cascade.Tree(firstNode: 0, firstLeaf: 0)],
        // 2 x centre - whole window, normalised, at least 0.3: left (below) is leaf -1, right +1.
        nodes: [Cascade.Node(feature: 0, left: 0, right: -1, threshold: (3 << 48) / 10)],
        leaves: [-(1 << 32), 1 << 32],
        features: [0, 0, window, window, -1, third, third, third, third, 2, 0, 0, 0, 0, 0], subsets: [])
}

private func planeWithSquare(_ x: Int, _ y: Int, _ size: Int) -> Plane {
    let plane = Plane(width: 100, height: 80)
    for row in y..<(y + size) { for column in x..<(x + size) { plane[column, row] = 250 } }
    return plane
}

let faceChecks: [SelfCheck] = [
    SelfCheck("faces.integral-image-sums") { r in
        let plane = Plane(width: 7, height: 5)
        for y in 0..<5 { for x in 0..<7 { plane[x, y] = UInt8(x * 30 + y) } }
        let integral = IntegralImage(maximumWidth: 10, maximumHeight: 10)
        integral.integrate(plane, withSquares: true)
        var sum = 0, squares = 0
        for y in 1..<4 { for x in 2..<6 { sum += Int(plane[x, y]); squares += Int(plane[x, y]) * Int(plane[x, y]) } }
        r.expect(integral.sum(x: 2, y: 1, width: 4, height: 3) == sum, "rectangle sum")
        r.expect(integral.squaredSum(x: 2, y: 1, width: 4, height: 3) == squares, "rectangle squared sum")
        r.expect(integral.sum(x: 0, y: 0, width: 7, height: 5) == (0..<5).reduce(0) { total, y in total + (0..<7).reduce(0) { $0 + $1 * 30 + y } }, "whole image")
        r.expect(integral.sum(x: 3, y: 3, width: 0, height: 2) == 0, "empty rectangle")
    },
    SelfCheck("faces.pyramid-ladder") { r in
        let levels = PyramidLevel.ladder(imageWidth: 640, imageHeight: 480, cascadeWidth: 24, cascadeHeight: 24, step: .opencvDefault)
        r.expect(levels.first.map { $0.width == 640 && $0.height == 480 && $0.step == 2 && $0.windowWidth == 24 } == true, "level 0 is the frame")
        r.expect(levels.count > 1 && levels[1].width == 582 && levels[1].height == 436, "level 1 is 640/1.1 x 480/1.1, rounded")
        r.expect(levels.last.map { $0.windowHeight <= 480 && $0.step == 1 } == true, "the last window fits, every pixel tried")
        r.expect(zip(levels, levels.dropFirst()).allSatisfy { $0.windowWidth <= $1.windowWidth && $0.width > $1.width }, "windows grow, levels shrink")
    },
    SelfCheck("faces.grouping-merges-neighbours") { r in
        let grouping = RectangleGrouping(minNeighbors: 3)
        var faces: [FaceBox] = []
        let near = (0..<5).map { FaceBox(x: 20 + $0, y: 30, width: 40, height: 40) }
        grouping.group(near + [FaceBox(x: 200, y: 30, width: 40, height: 40)], into: &faces)
        r.expect(faces == [FaceBox(x: 22, y: 30, width: 40, height: 40)], "five neighbours averaged, the lone box dropped (\(faces.map { $0.description }))")
    },
    SelfCheck("faces.synthetic-cascade-finds-its-pattern") { r in
        guard let detector = try? FaceDetector(cascade: squareDetector(), width: 100, height: 80, minNeighbors: 0) else {
            return r.fail("the synthetic cascade was refused")
        }
        // Every hit must hold the square and be at most about three times its size (the window
        // fires when its centre third is the square).
        func hits(_ size: Int) -> [FaceBox] {
            let found = detector.detect(planeWithSquare(40, 30, size))
            r.expect(!found.isEmpty, "the \(size) px square is found")
            r.expect(found.allSatisfy { $0.x <= 40 && $0.y <= 30 && $0.x + $0.width >= 40 + size && $0.y + $0.height >= 30 + size && $0.width <= 5 * size },
                     "every hit holds the \(size) px square (\(found.map { $0.description }))")
            return found
        }
        let small = hits(4), large = hits(8)
        r.expect(2 * (large.map { $0.width }.max() ?? 0) > 3 * (small.map { $0.width }.max() ?? 0),
                 "a square twice the size is found by larger windows too (\(small.map { $0.description }) then \(large.map { $0.description }))")
        detector.detect(Plane(width: 100, height: 80))
        r.expect(detector.faces.isEmpty, "a dark plane: nothing")
    },
    SelfCheck("faces.built-in-cascades") { r in
        r.expect(BuiltInCascades.names.count == 4, "four cascades compiled in (\(BuiltInCascades.names.count))")
        for name in BuiltInCascades.names {
            guard let cascade = BuiltInCascades.cascade(named: name), let detector = try? FaceDetector(cascade: cascade, width: 96, height: 96) else {
                r.fail(name + " does not load")
                continue
            }
            let frame = Plane(width: 96, height: 96)
            frame.fill(90)
            r.expect(detector.detect(frame).isEmpty, name + ": no face on a flat frame")
        }
    },
    SelfCheck("faces.region-search-is-the-full-search-restricted") { r in
        guard let detector = try? FaceDetector(cascade: squareDetector(), width: 100, height: 80, minNeighbors: 0) else {
            return r.fail("the synthetic cascade was refused")
        }
        let plane = planeWithSquare(40, 30, 8)
        let full = detector.detect(plane), fullWindows = detector.windowsTried
        let whole = detector.detect(plane, within: [SearchRegion(box: Box(minX: 0, minY: 0, maxX: 99, maxY: 79))])
        r.expect(whole == full && detector.windowsTried == fullWindows, "the whole frame as a region is the full search")
        let around = detector.detect(plane, within: [SearchRegion(box: Box(minX: 20, minY: 10, maxX: 75, maxY: 65))])
        r.expect(!around.isEmpty && detector.windowsTried < fullWindows, "a region around the square finds it with fewer windows")
        // Regions away from the frame's edges: only their rows and columns are resized and
        // integrated, so what lies outside them cannot change what is found, and each box
        // found is on the square.
        let right = [SearchRegion(box: Box(minX: 28, minY: 12, maxX: 90, maxY: 70)), SearchRegion(box: Box(minX: 50, minY: 40, maxX: 90, maxY: 70))]
        let found = detector.detect(plane, within: right)
        r.expect(!found.isEmpty && found.allSatisfy { $0.x <= 40 && $0.y <= 30 && $0.x + $0.width >= 48 && $0.y + $0.height >= 38 },
                 "regions away from the edges find the square: \(found.count) boxes")
        let noisy = planeWithSquare(40, 30, 8)
        for y in 0..<80 { for x in 0..<100 where x < 28 || x > 90 || y < 12 || y > 70 { noisy[x, y] = UInt8(truncatingIfNeeded: x &* 73 &+ y &* 151) } }
        r.expect(detector.detect(noisy, within: right) == found, "noise outside the regions changes nothing")
        r.expect(detector.detect(plane, within: [SearchRegion(box: Box(minX: 0, minY: 0, maxX: 35, maxY: 79))]).isEmpty, "a region beside it finds nothing")
    },
    SelfCheck("faces.search-plan-sweeps-the-whole-frame-within-its-budget") { r in
        guard let detector = try? FaceDetector(cascade: squareDetector(), width: 64, height: 100, minNeighbors: 0) else {
            return r.fail("the synthetic cascade was refused")
        }
        let plan = FaceSearchPlan(for: detector, windowBudget: 600)
        let frame = Plane(width: 64, height: 100)
        r.expect(plan.next(people: [], faces: []) == [SearchRegion(box: Box(minX: 0, minY: 0, maxX: 63, maxY: 99))]
                 && plan.plannedWindows == plan.fullSearchWindows, "the first frame is searched in full")
        // Over one sweep, every window of every level lies wholly inside a region of its level.
        var swept: [SearchRegion] = []
        for _ in 0..<plan.sweepFrames {
            let regions = plan.next(people: [], faces: [])
            r.expect(plan.plannedWindows <= plan.windowBudget + 64, "a frame stays within the budget (and one row): \(plan.plannedWindows)")
            detector.detect(frame, within: regions)
            r.expect(detector.windowsTried <= plan.plannedWindows, "the detector tries no more than planned: \(detector.windowsTried) > \(plan.plannedWindows)")
            swept += regions
        }
        var uncovered = 0
        for level in detector.levels {
            var y = 0
            while y + detector.cascade.windowHeight <= level.height {
                let top = level.fullImage(y), bottom = min(100, top + level.windowHeight) - 1
                if !swept.contains(where: { $0.holds(level.windowWidth, level.windowHeight) && $0.box.minY <= top && bottom <= $0.box.maxY }) { uncovered += 1 }
                y += level.step
            }
        }
        r.expect(uncovered == 0, "\(uncovered) window rows left out of the sweep")
        let person = TrackedPerson(id: 1, box: Box(minX: 10, minY: 20, maxX: 29, maxY: 79))
        let regions = plan.next(people: [person], faces: [])
        r.expect(regions.first == SearchRegion(box: Box(minX: 5, minY: 15, maxX: 34, maxY: 50), maximumWindowHeight: 30),
                 "a person is searched in their head zone for faces up to 1.5 times their width: \(regions.first.map { $0.box.description } ?? "none")")
    },
]
