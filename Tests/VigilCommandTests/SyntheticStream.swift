import Foundation
import VigilCore

/// A YUV4MPEG2 stream of a textured, noisy 160x120 scene at 10 fps in which a person-sized
/// box walks in from the left at frame 5 and across: `vigil replay` reports motion in it
/// within the first 20 frames.
enum SyntheticStream {
    static let width = 160, height = 120
    static let header = "YUV4MPEG2 W160 H120 F10:1 Ip A1:1 Cmono\n"
    static var frameBytes: Int { width * height }

    /// The header and `frames` frames, each "FRAME\n" and its luma; from frame `coveredFrom`
    /// on, the lens is covered (nearly black).
    static func y4m(frames: Int, coveredFrom: Int = .max) -> Data {
        var scene = SyntheticScene(width: width, height: height, seed: 11)
        let plane = Plane(width: width, height: height)
        var bytes = Data(header.utf8)
        for index in 0..<frames {
            scene.render(into: plane)
            if index >= 5 { scene.drawBox(x: 4 * (index - 5), y: 50, width: 14, height: 44, level: 30, into: plane) }
            if index >= coveredFrom { plane.fill(6) }
            bytes += Data("FRAME\n".utf8)
            for y in 0..<height { bytes += Data(plane.row(y)) }
        }
        return bytes
    }

    /// Where frame `index` starts (its "FRAME" line).
    static func offset(ofFrame index: Int) -> Int { header.utf8.count + index * (6 + frameBytes) }
}
