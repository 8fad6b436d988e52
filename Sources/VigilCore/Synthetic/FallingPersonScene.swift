/// The scene `make demo` and the daemon's tests play: an empty square for 2 s, then a person
/// walks in from the left for 3 s, stops, falls sideways in half a second and lies still.
/// Drawn on `SyntheticScene` at any size (coordinates are those of 320x240, scaled), with the
/// person in a colour of their own so that the chroma planes carry something too.
public struct FallingPersonScene {
    public let width: Int
    public let height: Int
    private var scene: SyntheticScene

    /// When the fall begins and ends, in ms from the first frame.
    public static let fallStartsAt = 5000
    public static let fallEndsAt = 5500

    public init(width: Int, height: Int) {
        self.width = width
        self.height = height
        scene = SyntheticScene(width: width, height: height, seed: 3)
    }

    /// The person's box at `milliseconds`, in the 320x240 frame; nil while the square is empty.
    public static func pose(atMilliseconds t: Int) -> (x: Int, y: Int, width: Int, height: Int)? {
        if t < 2000 { return nil }
        if t < fallStartsAt { return (min(150, 20 + (t - 2000) / 20), 100, 24, 80) }
        func between(_ a: Int, _ b: Int) -> Int { t >= fallEndsAt ? b : a + (b - a) * (t - fallStartsAt) / (fallEndsAt - fallStartsAt) }
        return (150, between(100, 156), between(24, 80), between(80, 24))
    }

    /// Renders the picture at `milliseconds` into `frame` (of this scene's size).
    public mutating func render(atMilliseconds t: Int, into frame: Frame) {
        scene.render(into: frame.luma)
        if let (cb, cr) = frame.chroma {
            cb.fill(128)
            cr.fill(128)
        }
        guard let pose = FallingPersonScene.pose(atMilliseconds: t) else { return }
        let x = pose.x * width / 320, y = pose.y * height / 240, w = pose.width * width / 320, h = pose.height * height / 240
        scene.drawBox(x: x, y: y, width: w, height: h, level: 25, into: frame.luma)
        guard let (cb, cr) = frame.chroma else { return }
        // A dark red coat: chroma planes are subsampled, so scale the box to each.
        for (plane, value) in [(cb, UInt8(110)), (cr, UInt8(170))] {
            let sx = plane.width * 1000 / width, sy = plane.height * 1000 / height
            for row in (y * sy / 1000)..<min(plane.height, (y + h) * sy / 1000) {
                plane.row(row)[(x * sx / 1000)..<min(plane.width, (x + w) * sx / 1000)].update(repeating: value)
            }
        }
    }
}
