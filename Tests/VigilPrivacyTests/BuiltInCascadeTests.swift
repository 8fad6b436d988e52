import Foundation
import Testing
import VigilCore
@testable import VigilPrivacy

/// The tables the build converted, against the XML files they came from.
@Suite struct BuiltInCascadeTests {
    static let expected = [
        "haarcascade_frontalface_default", "haarcascade_frontalface_alt2", "haarcascade_profileface", "lbpcascade_frontalface_improved",
    ]

    @Test func everyCascadeIsBuiltIn() {
        #expect(BuiltInCascades.names == Self.expected)
        #expect(BuiltInCascades.cascade(named: "no_such_cascade") == nil)
    }

    @Test(arguments: expected)
    func tablesMatchTheirXML(_ name: String) throws {
        let cascade = try #require(BuiltInCascades.cascade(named: name))
        try cascade.validate()
        let source = try #require(BuiltInCascades.source(of: name))
        let xml = try String(contentsOfFile: "/usr/share/opencv4/" + source, encoding: .utf8)
        func values(_ tag: String) -> [String] {
            xml.components(separatedBy: "<" + tag + ">").dropFirst().map { String($0.prefix { $0 != "<" }).trimmingCharacters(in: .whitespacesAndNewlines) }
        }
        #expect(cascade.kind == (values("featureType").first == "HAAR" ? .haar : .lbp))
        #expect(cascade.windowWidth == Int(values("width").first ?? ""))
        #expect(cascade.windowHeight == Int(values("height").first ?? ""))
        // Stage thresholds: OpenCV's float less 1e-5 (as float), in Q32.
        func q32(_ value: Float) -> Int64 { Int64((Double(value) * 4_294_967_296).rounded(.toNearestOrEven)) }
        let thresholds = values("stageThreshold").map { Float($0)! - Float(1e-5) }
        #expect(cascade.stages.map { $0.threshold } == thresholds.map(q32))
        // Leaves: every value of every tree, in order, in Q32.
        let leaves = values("leafValues").flatMap { $0.split(whereSeparator: { $0 == " " || $0 == "\n" }) }.map { q32(Float(String($0))!) }
        #expect(cascade.leaves.count == leaves.count)
        #expect(zip(cascade.leaves, leaves).filter { $0 != $1 }.count == 0, "leaves that differ from the XML")
        #expect(cascade.trees.count == values("internalNodes").count)
        #expect(BuiltInCascades.licence(of: name)?.contains("Redistribution") == true)
    }

    @Test(arguments: expected)
    func aFlatFrameHasNoFace(_ name: String) throws {
        let cascade = try #require(BuiltInCascades.cascade(named: name))
        let detector = try FaceDetector(cascade: cascade, width: 160, height: 120)
        let frame = Plane(width: 160, height: 120)
        frame.fill(128)
        #expect(detector.detect(frame).isEmpty)
        #expect(detector.candidates.isEmpty)
        #expect(detector.levels.count > 3)
    }
}
