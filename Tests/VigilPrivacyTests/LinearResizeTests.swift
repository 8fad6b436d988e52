import Testing
import VigilCore
@testable import VigilPrivacy

@Suite struct LinearResizeTests {
    static func resize(_ plane: Plane, to width: Int, _ height: Int) -> [UInt8] {
        var out = [UInt8](repeating: 0, count: width * height)
        let resizer = LinearResize(sourceWidth: plane.width, sourceHeight: plane.height, width: width, height: height)
        out.withUnsafeMutableBufferPointer { buffer in
            resizer.resize(UnsafePointer(plane.pixels.baseAddress!), rowBytes: plane.stride, into: buffer.baseAddress!, destinationRowBytes: width)
        }
        return out
    }

    /// OpenCV's INTER_LINEAR_EXACT written out with Double positions (as its softdouble code does)
    /// and the same 8-bit weights and fixed-point passes.
    static func reference(_ plane: Plane, to width: Int, _ height: Int) -> [UInt8] {
        func taps(_ source: Int, _ destination: Int) -> [(Int, Int, Int)] {  // (first pixel, second pixel, weight of the second)
            (0..<destination).map { position in
                let exact = Double(source) / Double(destination) * (Double(position) + 0.5) - 0.5
                let whole = Int(exact.rounded(.down))
                if whole < 0 { return (0, 0, 0) }
                if whole >= source - 1 { return (source - 1, source - 1, 0) }
                return (whole, whole + 1, Int(((exact - Double(whole)) * 256).rounded(.toNearestOrEven)))
            }
        }
        let columns = taps(plane.width, width), rows = taps(plane.height, height)
        func line(_ row: Int) -> [Int] { columns.map { Int(plane[$0.0, row]) * (256 - $0.2) + Int(plane[$0.1, row]) * $0.2 } }
        var out: [UInt8] = []
        for (upper, lower, weight) in rows {
            let a = line(upper), b = line(lower)
            for x in 0..<width { out.append(UInt8((a[x] * (256 - weight) + b[x] * weight + 32768) >> 16)) }
        }
        return out
    }

    @Test(arguments: [(582, 436), (320, 240), (17, 13), (640, 480), (700, 500)])
    func matchesTheReference(_ size: (Int, Int)) {
        let plane = IntegralImageTests.noise(640, 480)
        #expect(Self.resize(plane, to: size.0, size.1) == Self.reference(plane, to: size.0, size.1))
    }

    @Test func halvingIsTheRoundedMeanOfEachBlock() {
        let plane = IntegralImageTests.noise(64, 48, seed: 3)
        let half = Self.resize(plane, to: 32, 24)
        for y in 0..<24 {
            for x in 0..<32 {
                let sum = Int(plane[2 * x, 2 * y]) + Int(plane[2 * x + 1, 2 * y]) + Int(plane[2 * x, 2 * y + 1]) + Int(plane[2 * x + 1, 2 * y + 1])
                #expect(Int(half[y * 32 + x]) == (sum + 2) / 4)
            }
        }
    }

    @Test func theSameSizeAndFlatImagesAreUnchanged() {
        let plane = IntegralImageTests.noise(40, 30)
        var same: [UInt8] = []
        for y in 0..<30 { for x in 0..<40 { same.append(plane[x, y]) } }
        #expect(Self.resize(plane, to: 40, 30) == same)
        let flat = Plane(width: 40, height: 30)
        flat.fill(77)
        #expect(Self.resize(flat, to: 23, 19).allSatisfy { $0 == 77 })
    }
}
