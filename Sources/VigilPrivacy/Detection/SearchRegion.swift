import VigilCore

/// Where a budgeted face search looks: windows wholly inside `box` (full-frame pixels) of at
/// least `minimumWindowHeight` pixels. The minimum lets a sweep scan the coarse levels, which
/// cost little, over the whole frame while the fine ones go slice by slice.
public struct SearchRegion: Equatable, Sendable {
    public var box: Box
    public var minimumWindowHeight: Int

    public init(box: Box, minimumWindowHeight: Int = 0) {
        self.box = box
        self.minimumWindowHeight = minimumWindowHeight
    }

    /// Whether a window of this size fits inside the region and is tall enough for it.
    func holds(_ windowWidth: Int, _ windowHeight: Int) -> Bool {
        windowHeight >= minimumWindowHeight && windowWidth <= box.width && windowHeight <= box.height
    }
}
