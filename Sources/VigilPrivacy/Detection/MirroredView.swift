import VigilCore

/// A picture mirrored left to right. The cascades are not symmetric: on the photos of
/// ../shared/data some faces turned to one side are found only in the mirror image.
public final class MirroredView {
    public let output: Plane

    public init(width: Int, height: Int) {
        output = Plane(width: width, height: height)
    }

    @discardableResult
    public func mirror(_ source: Plane) -> Plane {
        precondition(source.width == output.width && source.height == output.height)
        for y in 0..<source.height {
            let from = source.row(y), to = output.row(y)
            for x in 0..<source.width { to[source.width - 1 - x] = from[x] }
        }
        return output
    }

    /// A face found in the mirror image, as a box in the source picture.
    public func sourceBox(of face: FaceBox) -> FaceBox {
        FaceBox(x: output.width - face.x - face.width, y: face.y, width: face.width, height: face.height)
    }
}
