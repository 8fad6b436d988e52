import VigilCore

/// Finds faces in luma frames of one size with one cascade, as OpenCV's
/// `CascadeClassifier.detectMultiScale(image, scaleFactor, minNeighbors)` finds them, in integer
/// arithmetic: the image is shrunk level by level (`PyramidLevel.ladder`, `LinearResize`), each
/// level integrated, every window tried on OpenCV's grid, and the hits grouped
/// (`RectangleGrouping`). Everything is allocated at creation; `detect` allocates nothing once
/// its candidate and face arrays have grown to what the scene needs.
public final class FaceDetector {
    public let cascade: Cascade
    public let width: Int
    public let height: Int
    public let levels: [PyramidLevel]
    /// The windows that passed every stage in the last frame, before grouping.
    public private(set) var candidates: [FaceBox] = []
    /// The faces of the last frame.
    public private(set) var faces: [FaceBox] = []
    /// Windows classified in the last frame: the search's cost, independent of the machine.
    public private(set) var windowsTried = 0
    private let classifier: Classifier
    private let integral: IntegralImage
    /// The most rows of a level integrated at once.
    private let bandRows: Int
    private let resizers: [LinearResize?]
    private let shrunk: UnsafeMutableBufferPointer<UInt8>
    private let grouping: RectangleGrouping
    /// The search regions that hold the row being scanned.
    private var rowBoxes: [Box] = []

    private enum Classifier {
        case haar(HaarWindowClassifier)
        case lbp(LBPWindowClassifier)
    }

    public init(cascade: Cascade, width: Int, height: Int, step: ScaleStep = .opencvDefault, minNeighbors: Int = 3) throws(CascadeError) {
        try cascade.validate()
        self.cascade = cascade
        self.width = width
        self.height = height
        levels = PyramidLevel.ladder(
            imageWidth: width, imageHeight: height, cascadeWidth: cascade.windowWidth, cascadeHeight: cascade.windowHeight, step: step)
        // A level is integrated in bands of rows, so the integral holds a band, not the frame
        // (at 1280x720 that is 1 MB instead of 7.4).
        bandRows = max(4 * cascade.windowHeight, 2 * (cascade.windowHeight + 1))
        integral = IntegralImage(maximumWidth: max(width, 1), maximumHeight: max(min(height, bandRows), 1))
        switch cascade.kind {
        case .haar: classifier = .haar(HaarWindowClassifier(cascade, stride: integral.stride))
        case .lbp: classifier = .lbp(LBPWindowClassifier(cascade, stride: integral.stride))
        }
        // Level 0 is the image itself (OpenCV's resize copies at the same size).
        resizers = levels.map { level in
            level.width == width && level.height == height
                ? nil : LinearResize(sourceWidth: width, sourceHeight: height, width: level.width, height: level.height)
        }
        // A level is resized band by band too: room for the widest level's band.
        shrunk = .allocate(capacity: max(width * min(height, bandRows), 1))
        shrunk.initialize(repeating: 0)
        grouping = RectangleGrouping(minNeighbors: minNeighbors)
    }

    deinit { shrunk.deallocate() }

    /// Detects the faces of `luma` (of the detector's size) into `faces`, and returns them.
    @discardableResult
    public func detect(_ luma: Plane) -> [FaceBox] { detect(luma, within: nil) }

    /// Detects faces only in the windows that lie wholly inside one of `regions`: the same
    /// windows and the same grouping as a full scan, restricted, so that a frame can be searched
    /// piecewise within a budget. A level no region can hold a window of is skipped entirely.
    @discardableResult
    public func detect(_ luma: Plane, within regions: [SearchRegion]?) -> [FaceBox] {
        precondition(luma.width == width && luma.height == height)
        candidates.removeAll(keepingCapacity: true)
        windowsTried = 0
        for (index, level) in levels.enumerated() {
            var fitting: [Box]? = nil
            var rows = 0..<level.height
            if let regions {
                let boxes = regions.filter { $0.holds(level.windowWidth, level.windowHeight) }.map { $0.box }
                if boxes.isEmpty { continue }
                fitting = boxes
                // Rows above the highest region and below the lowest are neither resized nor
                // integrated (sums are differences, so the integral may start at any row).
                let highest = boxes.reduce(height) { min($0, $1.minY) }, lowest = boxes.reduce(0) { max($0, $1.maxY) }
                rows = max(0, highest * level.height / height - 2)..<min(level.height, (lowest + 1) * level.height / height + 2)
            }
            var start = rows.lowerBound
            while start < rows.upperBound {
                let band = start..<min(rows.upperBound, start + bandRows)
                switch classifier {
                case .haar(let haar): scan(luma, level, band, resizers[index], haar, fitting)
                case .lbp(let lbp): scan(luma, level, band, resizers[index], lbp, fitting)
                }
                guard band.upperBound < rows.upperBound else { break }
                // The next band starts at the first grid row whose window this one could not
                // hold: every window is tried once, as in one pass over the level.
                start = (band.upperBound - cascade.windowHeight) / level.step * level.step + level.step
            }
        }
        grouping.group(candidates, into: &faces)
        // OpenCV clips the faces to the image and drops what is left empty.
        var kept = 0
        for index in faces.indices {  // by index: iterating the array itself would copy it on the first write
            if let inside = faces[index].clipped(width: width, height: height) {
                faces[kept] = inside
                kept += 1
            }
        }
        faces.removeLast(faces.count - kept)
        return faces
    }

    /// Scans the windows that lie within the level's `rows` (all of them unless the search
    /// regions span fewer).
    private func scan<C: WindowClassifier>(_ luma: Plane, _ level: PyramidLevel, _ rows: Range<Int>, _ resizer: LinearResize?, _ classifier: C, _ regions: [Box]?) {
        guard rows.count >= cascade.windowHeight else { return }
        let lastX = level.width - cascade.windowWidth, lastY = rows.upperBound - cascade.windowHeight
        // Only the columns from the leftmost region's first window to the rightmost's last are
        // resized and integrated, as the rows are: sums are differences, so the integral may
        // start at any column.
        var columns = 0..<level.width
        if let regions {
            guard !regions.isEmpty else { return }
            let leftmost = regions.reduce(width) { min($0, $1.minX) }, rightmost = regions.reduce(0) { max($0, $1.maxX) }
            columns = firstColumn(leftmost, level)..<min(level.width, lastColumn(rightmost, level, lastX) + cascade.windowWidth)
            guard columns.count >= cascade.windowWidth else { return }
        }
        let source = UnsafePointer(luma.pixels.baseAddress!)
        if let resizer {
            resizer.resize(source, rowBytes: luma.stride, into: shrunk.baseAddress!, destinationRowBytes: columns.count, rows: rows, columns: columns)
            integral.integrate(UnsafePointer(shrunk.baseAddress!), rowBytes: columns.count, width: columns.count,
                               height: rows.count, withSquares: classifier.needsSquares)
        } else {
            integral.integrate(source + rows.lowerBound * luma.stride + columns.lowerBound, rowBytes: luma.stride, width: columns.count,
                               height: rows.count, withSquares: classifier.needsSquares)
        }
        // OpenCV tries x, y = 0, step, 2 step, ... while the window stays inside the level, and
        // after a window that fails the first stage skips the next position.
        let stride = integral.stride
        let origin = rows.lowerBound * stride + columns.lowerBound
        var y = (rows.lowerBound + level.step - 1) / level.step * level.step
        while y <= lastY {
            // A window's full-frame rectangle may round a pixel past the frame: clipped, as the faces are.
            let top = level.fullImage(y), bottom = min(height, top + level.windowHeight) - 1
            var x = 0, rowEnd = lastX
            if let regions {
                rowBoxes.removeAll(keepingCapacity: true)
                for box in regions where box.minY <= top && bottom <= box.maxY { rowBoxes.append(box) }
                if rowBoxes.isEmpty {
                    y += level.step
                    continue
                }
                // The columns from the leftmost region's left edge to the rightmost's right edge.
                let leftmost = rowBoxes.reduce(width) { min($0, $1.minX) }, rightmost = rowBoxes.reduce(0) { max($0, $1.maxX) }
                x = firstColumn(leftmost, level)
                rowEnd = lastColumn(rightmost, level, lastX)
            }
            while x <= rowEnd {
                if regions != nil {
                    let left = level.fullImage(x), right = min(width, left + level.windowWidth) - 1
                    if !rowBoxes.contains(where: { $0.minX <= left && right <= $0.maxX }) {
                        x += level.step
                        continue
                    }
                }
                let result = classifier.classify(integral, at: y * stride + x - origin)
                windowsTried += 1
                if result > 0 {
                    candidates.append(FaceBox(x: level.fullImage(x), y: level.fullImage(y), width: level.windowWidth, height: level.windowHeight))
                } else if result == 0 {
                    x += level.step
                }
                x += level.step
            }
            y += level.step
        }
    }

    /// The first window column (on the level's grid) whose window may lie in a region starting
    /// at full-frame column `left`, and the last for one ending at `right`.
    private func firstColumn(_ left: Int, _ level: PyramidLevel) -> Int {
        max(0, left * level.width / width / level.step * level.step - 2 * level.step)
    }

    private func lastColumn(_ right: Int, _ level: PyramidLevel, _ lastX: Int) -> Int {
        min(lastX, (right + 1) * level.width / width + level.step)
    }
}
