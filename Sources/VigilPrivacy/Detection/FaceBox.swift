/// A detected face: a rectangle in the pixels of the full frame.
public struct FaceBox: Equatable, Sendable {
    public var x: Int
    public var y: Int
    public var width: Int
    public var height: Int

    public init(x: Int, y: Int, width: Int, height: Int) {
        self.x = x
        self.y = y
        self.width = width
        self.height = height
    }

    public var description: String { "[\(x),\(y),\(width),\(height)]" }

    /// The part of this box inside a picture of `width` x `height`, or nil if none is.
    public func clipped(width pictureWidth: Int, height pictureHeight: Int) -> FaceBox? {
        let left = max(x, 0), top = max(y, 0)
        let right = min(x + width, pictureWidth), bottom = min(y + height, pictureHeight)
        return right > left && bottom > top ? FaceBox(x: left, y: top, width: right - left, height: bottom - top) : nil
    }
}
