import VigilCore

/// The zones at the analysis resolution, filled once when the analyzer starts: excluded pixels
/// as runs to clear from each frame's foreground, included pixels as a mask to look up where a
/// person stands. Nothing is allocated per frame.
public final class ZoneMap {
    /// Include and exclude zones together.
    public static let maximumZones = 16

    private let excluded: [PixelRun]
    /// 255 inside an include zone; nil when there is none and the whole frame counts.
    private let included: Plane?

    public init(width: Int, height: Int, factor: Int, include: [Polygon], exclude: [Polygon]) {
        excluded = exclude.flatMap { $0.runs(width: width, height: height, factor: factor) }
        if include.isEmpty {
            included = nil
        } else {
            let mask = Plane(width: width, height: height)
            for zone in include {
                for run in zone.runs(width: width, height: height, factor: factor) {
                    UnsafeMutableBufferPointer(rebasing: mask.row(run.y)[run.start..<run.end]).update(repeating: 255)
                }
            }
            included = mask
        }
    }

    /// Clears the excluded pixels of a foreground mask: motion there is never seen.
    public func clearExcluded(in mask: Plane) {
        for run in excluded {
            UnsafeMutableBufferPointer(rebasing: mask.row(run.y)[run.start..<run.end]).update(repeating: 0)
        }
    }

    /// Whether events at analysed pixel (x, y) are reported.
    public func includes(x: Int, y: Int) -> Bool {
        guard let included else { return true }
        guard x >= 0, y >= 0, x < included.width, y < included.height else { return false }
        return included[x, y] != 0
    }

    /// Whether events of someone in `box` (analysed pixels) are reported: it is where they
    /// stand that counts, the bottom centre of the box, not where their head reaches.
    public func includes(footOf box: Box) -> Bool { includes(x: (box.minX + box.maxX) / 2, y: box.maxY) }
}
