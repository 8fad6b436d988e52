import VigilCore

/// Where the picture changed since the previous frame, and how much of a region did.
///
/// Unlike the background model this has no memory beyond one frame, so it cannot be fooled by
/// ghosts (the model still holding someone who was there when the camera started) or by a
/// person melting into the background: it shows exactly the parts that are moving now. The
/// fall detector reads a fall from it: a burst of change that runs downwards, then stillness.
public final class FrameDifference {
    /// A pixel changed when its luma moved by more than this since the last frame; above the
    /// sensor noise of a typical camera at the analysed size, which averages blocks.
    public let threshold: Int
    /// 255 where the frame changed (after a 3x3 opening, so single noisy pixels do not count).
    public let changed: Plane
    let previous: Plane
    private let morphology: MaskMorphology
    private var primed = false
    /// Per-row counts of changed pixels inside the region being measured; allocated once.
    private var rowCounts: [Int]

    public init(width: Int, height: Int, threshold: Int = 12) {
        self.threshold = threshold
        changed = Plane(width: width, height: height)
        previous = Plane(width: width, height: height)
        morphology = MaskMorphology(width: width, height: height)
        rowCounts = [Int](repeating: 0, count: height)
    }

    /// Compares `luma` with the frame before and keeps it for the next call.
    public func update(_ luma: Plane) {
        precondition(luma.width == changed.width && luma.height == changed.height)
        let width = changed.width
        // The first frame has nothing to compare with: all unchanged.
        let limit = primed ? UInt8(threshold) : 255
        for y in 0..<changed.height {
            let input = luma.row(y), before = previous.row(y), out = changed.row(y)
            for x in 0..<width {
                let i = input[x], b = before[x]
                out[x] = (i > b ? i &- b : b &- i) > limit ? 255 : 0
            }
            _ = before.update(fromContentsOf: input)
        }
        primed = true
        morphology.open(changed)
    }

    /// How much of `box` (clipped to the image) changed this frame, and between which rows the
    /// change lies: the rows that cut off the top and bottom 5 % of the changed pixels, so a
    /// few stray pixels do not stretch it.
    public func measure(_ box: Box) -> ChangeMeasure {
        let left = max(0, box.minX), right = min(changed.width - 1, box.maxX)
        let top = max(0, box.minY), bottom = min(changed.height - 1, box.maxY)
        guard left <= right && top <= bottom else { return ChangeMeasure() }
        var total = 0
        for y in top...bottom {
            var count = 0
            for value in changed.row(y)[left...right] where value != 0 { count += 1 }
            rowCounts[y] = count
            total += count
        }
        guard total > 0 else { return ChangeMeasure() }
        let cut = total / 20
        var seen = 0, upper = top
        while upper < bottom && seen + rowCounts[upper] <= cut { seen += rowCounts[upper]; upper += 1 }
        seen = 0
        var lower = bottom
        while lower > upper && seen + rowCounts[lower] <= cut { seen += rowCounts[lower]; lower -= 1 }
        return ChangeMeasure(pixels: total, top: upper, bottom: lower)
    }
}

/// The change inside one region in one frame: how many pixels, and the rows it spans.
public struct ChangeMeasure: Equatable, Sendable {
    public var pixels = 0
    public var top = 0
    public var bottom = 0

    public init(pixels: Int = 0, top: Int = 0, bottom: Int = 0) {
        self.pixels = pixels
        self.top = top
        self.bottom = bottom
    }
}
