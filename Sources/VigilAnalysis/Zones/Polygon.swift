/// The outline of a zone in the pixels of the full frame: corners in order, the last joined to
/// the first. Coordinates are pixel edges, so `0,0 640,0 640,60 0,60` is exactly the top 60
/// rows of a 640-pixel-wide frame.
public struct Polygon: Equatable, Sendable {
    public struct Point: Equatable, Sendable {
        public let x: Int
        public let y: Int

        public init(x: Int, y: Int) {
            self.x = x
            self.y = y
        }
    }

    public let points: [Point]

    /// Enough for any outline drawn by hand; bounds the fill's work per row.
    public static let maximumPoints = 32
    /// The largest frame vigil reads (Y4MHeader.maximumDimension); a zone may reach its edge.
    public static let maximumCoordinate = 8192

    public init(_ points: [Point]) throws(SettingError) {
        guard points.count >= 3 else { throw SettingError(message: "a zone needs at least 3 corners (got \(points.count))") }
        guard points.count <= Polygon.maximumPoints else {
            throw SettingError(message: "a zone has at most \(Polygon.maximumPoints) corners (got \(points.count)); simplify the outline")
        }
        for point in points where !(0...Polygon.maximumCoordinate).contains(point.x) || !(0...Polygon.maximumCoordinate).contains(point.y) {
            throw SettingError(message: "corner \(point.x),\(point.y) is outside 0...\(Polygon.maximumCoordinate)")
        }
        self.points = points
    }

    /// Parses corners written `x,y x,y x,y ...`, as in the configuration file.
    public init(parsing text: String) throws(SettingError) {
        var points: [Point] = []
        for word in text.utf8.split(whereSeparator: { $0 == 0x20 || $0 == 0x09 }) {
            let parts = word.split(separator: UInt8(ascii: ","), omittingEmptySubsequences: false)
            guard parts.count == 2, let x = Int(String(decoding: parts[0], as: UTF8.self)),
                  let y = Int(String(decoding: parts[1], as: UTF8.self))
            else {
                throw SettingError(message: "bad corner '" + String(decoding: word, as: UTF8.self)
                                   + "': expected x,y in full-frame pixels, e.g. 0,0 640,0 640,60 0,60")
            }
            points.append(Point(x: x, y: y))
        }
        try self.init(points)
    }

    /// The corners as the configuration file writes them.
    public var description: String {
        var text = ""
        for point in points { text += (text.isEmpty ? "" : " ") + "\(point.x),\(point.y)" }
        return text
    }
}
