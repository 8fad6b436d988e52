import Testing
@testable import VigilPrivacy

/// The ladder against OpenCV's own arithmetic, written here with Float and Double as
/// detectMultiScaleNoGrouping and updateScaleData write it.
@Suite struct PyramidLevelTests {
    struct Reference: Equatable {
        var width: Int, height: Int, step: Int, windowWidth: Int, windowHeight: Int, x37: Int
    }

    static func opencv(imageWidth: Int, imageHeight: Int, window: Int, scaleFactor: Double) -> [Reference] {
        var levels: [Reference] = []
        var factor = 1.0
        while true {
            if Int((Double(window) * factor).rounded(.toNearestOrEven)) > min(imageWidth, imageHeight) { break }
            let scale = Float(factor)
            let windowSize = Int((Float(window) * scale).rounded(.toNearestOrEven))
            if windowSize > min(imageWidth, imageHeight) { break }
            levels.append(Reference(
                width: Int((Float(imageWidth) / scale).rounded(.toNearestOrEven)),
                height: Int((Float(imageHeight) / scale).rounded(.toNearestOrEven)),
                step: scale >= 2 ? 1 : 2, windowWidth: windowSize, windowHeight: windowSize,
                x37: Int((Float(37) * scale).rounded(.toNearestOrEven))))
            factor *= scaleFactor
        }
        return levels
    }

    @Test(arguments: [(640, 480, 24), (500, 375, 20), (1920, 1080, 24), (176, 144, 45), (817, 1024, 20), (45, 45, 45)])
    func ladderMatchesOpenCV(_ size: (Int, Int, Int)) {
        let (width, height, window) = size
        let levels = PyramidLevel.ladder(imageWidth: width, imageHeight: height, cascadeWidth: window, cascadeHeight: window, step: .opencvDefault)
        let ours = levels.map {
            Reference(width: $0.width, height: $0.height, step: $0.step, windowWidth: $0.windowWidth, windowHeight: $0.windowHeight, x37: $0.fullImage(37))
        }
        #expect(ours == Self.opencv(imageWidth: width, imageHeight: height, window: window, scaleFactor: 1.1))
        #expect(!ours.isEmpty)
    }

    @Test func otherStepsMatchOpenCVToo() {
        let step = ScaleStep(numerator: 6, denominator: 5)!
        let levels = PyramidLevel.ladder(imageWidth: 640, imageHeight: 480, cascadeWidth: 24, cascadeHeight: 24, step: step)
        #expect(levels.map { $0.width } == Self.opencv(imageWidth: 640, imageHeight: 480, window: 24, scaleFactor: 1.2).map { $0.width })
    }

    @Test func imagesSmallerThanTheWindowHaveNoLevel() {
        #expect(PyramidLevel.ladder(imageWidth: 23, imageHeight: 100, cascadeWidth: 24, cascadeHeight: 24, step: .opencvDefault).isEmpty)
    }

    @Test func stepsOutsideOneToFourAreRefused() {
        #expect(ScaleStep(numerator: 10, denominator: 10) == nil)
        #expect(ScaleStep(numerator: 9, denominator: 10) == nil)
        #expect(ScaleStep(numerator: 41, denominator: 10) == nil)
        #expect(ScaleStep(numerator: 0, denominator: 0) == nil)
    }

    @Test func float32RoundingOfQuotientsAndProducts() {
        for integer in [1, 7, 37, 480, 640, 1919, 65535] {
            for (mantissa, shift) in [(UInt64(11_534_336), 23), (UInt64(9_227_469), 23), (UInt64(3), 1), (UInt64(12_345_679), 20)] {
                let factor = Float(mantissa) / Float(1 << shift)
                #expect(Float32Rounding.roundedQuotient(integer, mantissa: mantissa, shift: shift) == Int((Float(integer) / factor).rounded(.toNearestOrEven)))
                #expect(Float32Rounding.roundedProduct(integer, mantissa: mantissa, shift: shift) == Int((Float(integer) * factor).rounded(.toNearestOrEven)))
            }
        }
        #expect(Float32Rounding.roundHalfEven(5, fractionBits: 1) == 2)
        #expect(Float32Rounding.roundHalfEven(7, fractionBits: 1) == 4)
        #expect(Float32Rounding.significand((1 << 25) + 1) == 1 << 25)
        #expect(Float32Rounding.significand((1 << 25) + 3) == (1 << 25) + 4)
    }
}
