import Testing
@testable import VigilPrivacy

@Suite struct RectangleGroupingTests {
    static func cluster(_ x: Int, _ y: Int, _ size: Int, count: Int) -> [FaceBox] {
        (0..<count).map { FaceBox(x: x + $0 % 2, y: y + $0 % 3, width: size + $0 % 2, height: size + $0 % 2) }
    }

    @Test func moreThanMinNeighboursBecomeTheirAverage() {
        var faces: [FaceBox] = []
        let grouping = RectangleGrouping(minNeighbors: 3)
        grouping.group([FaceBox(x: 10, y: 10, width: 40, height: 40), FaceBox(x: 12, y: 11, width: 40, height: 40),
                        FaceBox(x: 11, y: 13, width: 42, height: 42), FaceBox(x: 13, y: 10, width: 42, height: 42)], into: &faces)
        // x: 46 / 4 = 11.5 -> 12 (halves to even), y: 44 / 4 = 11, size 164 / 4 = 41.
        #expect(faces == [FaceBox(x: 12, y: 11, width: 41, height: 41)])
        grouping.group(Array(Self.cluster(10, 10, 40, count: 3)), into: &faces)
        #expect(faces.isEmpty, "three neighbours are not more than minNeighbors = 3")
    }

    @Test func separateClustersStaySeparate() {
        var faces: [FaceBox] = []
        RectangleGrouping().group(Self.cluster(10, 10, 40, count: 5) + Self.cluster(200, 50, 60, count: 6), into: &faces)
        #expect(faces.count == 2)
    }

    @Test func similarityIsOpenCVsEdgeRule() {
        let grouping = RectangleGrouping()
        let a = FaceBox(x: 0, y: 0, width: 50, height: 50)
        // eps * (50 + 50) / 2 = 10 pixels on every edge.
        #expect(grouping.similar(a, FaceBox(x: 10, y: 0, width: 50, height: 50)))
        #expect(!grouping.similar(a, FaceBox(x: 11, y: 0, width: 50, height: 50)))
        #expect(!grouping.similar(a, FaceBox(x: 0, y: 0, width: 61, height: 50)))
    }

    @Test func aWeakGroupInsideAStrongOneIsDropped() {
        var faces: [FaceBox] = []
        let big = Self.cluster(100, 100, 100, count: 9), small = Self.cluster(130, 130, 30, count: 4)
        RectangleGrouping().group(big + small, into: &faces)
        #expect(faces.count == 1 && faces.first!.width >= 100)
        // Equally strong, the inner one stays (OpenCV keeps it unless the outer has more than max(3, n) members).
        RectangleGrouping().group(Self.cluster(100, 100, 100, count: 4) + small, into: &faces)
        #expect(faces.count == 2)
    }

    @Test func minNeighboursZeroKeepsEveryCandidate() {
        var faces: [FaceBox] = []
        let boxes = Self.cluster(10, 10, 40, count: 3)
        RectangleGrouping(minNeighbors: 0).group(boxes, into: &faces)
        #expect(faces == boxes)
    }
}
