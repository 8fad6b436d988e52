import Testing
import VigilCore
@testable import VigilPrivacy

@Suite struct IntegralImageTests {
    /// A plane of pseudo-random pixels, the same on every run.
    static func noise(_ width: Int, _ height: Int, seed: UInt32 = 9) -> Plane {
        let plane = Plane(width: width, height: height, stride: width + 3)
        var state = seed
        for y in 0..<height {
            for x in 0..<width {
                state = state &* 1_664_525 &+ 1_013_904_223
                plane[x, y] = UInt8(truncatingIfNeeded: state >> 24)
            }
        }
        return plane
    }

    @Test func rectangleSumsMatchTheirPixels() {
        let plane = Self.noise(37, 23)
        let integral = IntegralImage(maximumWidth: 40, maximumHeight: 30)
        integral.integrate(plane, withSquares: true)
        for (x, y, w, h) in [(0, 0, 37, 23), (5, 3, 1, 1), (10, 7, 20, 9), (36, 22, 1, 1), (0, 12, 37, 0)] {
            var sum = 0, squares = 0
            for row in y..<(y + h) {
                for column in x..<(x + w) {
                    sum += Int(plane[column, row])
                    squares += Int(plane[column, row]) * Int(plane[column, row])
                }
            }
            #expect(integral.sum(x: x, y: y, width: w, height: h) == sum)
            #expect(integral.squaredSum(x: x, y: y, width: w, height: h) == squares)
        }
    }

    @Test func squaredSumsStayExactPastTwoToThe32() {
        // 300 x 300 white pixels square to 5.9e9 in all, more than 32 bits hold; a window's sum is still exact.
        let plane = Plane(width: 300, height: 300)
        plane.fill(255)
        let integral = IntegralImage(maximumWidth: 300, maximumHeight: 300)
        integral.integrate(plane, withSquares: true)
        #expect(integral.squaredSum(x: 250, y: 250, width: 50, height: 50) == 2500 * 65025)
        #expect(integral.sum(x: 0, y: 0, width: 300, height: 300) == 90000 * 255)
    }
}
