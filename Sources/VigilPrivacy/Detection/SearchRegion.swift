import VigilCore

/// Where a budgeted face search looks: windows wholly inside `box` (full-frame pixels) whose
/// height lies between `minimumWindowHeight` and `maximumWindowHeight`. The range lets a
/// search look for faces of the size a person or a held face makes, and a sweep scan one
/// pyramid level at a time.
public struct SearchRegion: Equatable, Sendable {
    public var box: Box
    public var minimumWindowHeight: Int
    public var maximumWindowHeight: Int

    public init(box: Box, minimumWindowHeight: Int = 0, maximumWindowHeight: Int = Int.max) {
        self.box = box
        self.minimumWindowHeight = minimumWindowHeight
        self.maximumWindowHeight = maximumWindowHeight
    }

    /// Whether a window of this size fits inside the region and its size range.
    public func holds(_ windowWidth: Int, _ windowHeight: Int) -> Bool {
        windowHeight >= minimumWindowHeight && windowHeight <= maximumWindowHeight && windowWidth <= box.width && windowHeight <= box.height
    }
}
