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
}
