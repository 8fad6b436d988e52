/// An axis-aligned box in pixels, inclusive of both corners.
public struct Box: Equatable, Sendable {
    public var minX: Int, minY: Int, maxX: Int, maxY: Int

    public init(minX: Int, minY: Int, maxX: Int, maxY: Int) {
        self.minX = minX
        self.minY = minY
        self.maxX = maxX
        self.maxY = maxY
    }

    public var width: Int { maxX - minX + 1 }
    public var height: Int { maxY - minY + 1 }
    public var area: Int { width * height }

    public func intersectionArea(_ other: Box) -> Int {
        let w = min(maxX, other.maxX) - max(minX, other.minX) + 1
        let h = min(maxY, other.maxY) - max(minY, other.minY) + 1
        return w > 0 && h > 0 ? w * h : 0
    }

    public func union(_ other: Box) -> Box {
        Box(minX: min(minX, other.minX), minY: min(minY, other.minY), maxX: max(maxX, other.maxX), maxY: max(maxY, other.maxY))
    }

    public func offset(dx: Int, dy: Int) -> Box { Box(minX: minX + dx, minY: minY + dy, maxX: maxX + dx, maxY: maxY + dy) }

    /// This box in the pixels of a frame `factor` times larger.
    public func scaled(by factor: Int) -> Box {
        Box(minX: minX * factor, minY: minY * factor, maxX: maxX * factor + factor - 1, maxY: maxY * factor + factor - 1)
    }

    /// The part of this box inside a frame of `width` x `height`, or nil if none is.
    public func clipped(width: Int, height: Int) -> Box? {
        let clipped = Box(minX: max(0, minX), minY: max(0, minY), maxX: min(width - 1, maxX), maxY: min(height - 1, maxY))
        return clipped.minX <= clipped.maxX && clipped.minY <= clipped.maxY ? clipped : nil
    }

    public func contains(x: Int, y: Int) -> Bool { x >= minX && x <= maxX && y >= minY && y <= maxY }

    public func grown(by margin: Int) -> Box { Box(minX: minX - margin, minY: minY - margin, maxX: maxX + margin, maxY: maxY + margin) }

    /// `[x,y,w,h]` as in the event JSON.
    public var description: String { "[\(minX),\(minY),\(width),\(height)]" }
}
