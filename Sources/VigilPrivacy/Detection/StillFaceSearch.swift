import VigilCore

/// How a still picture is searched for faces. A still has no motion and no time budget, so it
/// gets chances a video frame does not: each cascade on the equalised picture as it is and
/// mirrored, each upright and tilted 15 degrees either way.
/// A face any pass finds is kept; a false find costs a pixelated patch, a missed face costs
/// the promise on the sign.
public final class StillFaceSearch {
    public let width: Int
    public let height: Int
    /// Detections of the last picture, in its pixels, in pass order (overlaps are not merged:
    /// the redactor covers each).
    public private(set) var faces: [FaceBox] = []
    /// Passes (one cascade over one view) run on the last picture.
    public private(set) var passes = 0
    private let detectors: [FaceDetector]
    private let equalizer: HistogramEqualizer
    private let mirrored: MirroredView
    private let tilts: [TiltedView]

    public init(cascades: [Cascade], width: Int, height: Int) throws(CascadeError) {
        self.width = width
        self.height = height
        var detectors: [FaceDetector] = []
        for cascade in cascades { detectors.append(try FaceDetector(cascade: cascade, width: width, height: height)) }
        self.detectors = detectors
        equalizer = HistogramEqualizer(width: width, height: height)
        mirrored = MirroredView(width: width, height: height)
        tilts = [TiltedView(angle: .clockwise15, width: width, height: height), TiltedView(angle: .counterclockwise15, width: width, height: height)]
    }

    @discardableResult
    public func detect(_ luma: Plane) -> [FaceBox] {
        precondition(luma.width == width && luma.height == height)
        faces.removeAll(keepingCapacity: true)
        passes = 0
        let equalized = equalizer.equalize(luma)
        search(equalized) { $0 }
        let mirror = mirrored.mirror(equalized)
        search(mirror) { self.mirrored.sourceBox(of: $0) }
        for tilt in tilts {
            search(tilt.turn(equalized)) { tilt.sourceBox(of: $0) }
            search(tilt.turn(mirror)) { self.mirrored.sourceBox(of: tilt.sourceBox(of: $0)) }
        }
        return faces
    }

    private func search(_ view: Plane, back: (FaceBox) -> FaceBox) {
        for detector in detectors {
            passes += 1
            for face in detector.detect(view) {
                if let inside = back(face).clipped(width: width, height: height) { faces.append(inside) }
            }
        }
    }
}
