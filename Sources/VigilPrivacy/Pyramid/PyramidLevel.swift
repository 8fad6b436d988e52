/// How much each pyramid level shrinks the image more than the one before, as a fraction:
/// OpenCV's usual `scaleFactor=1.1` is 11/10.
public struct ScaleStep: Equatable, Sendable {
    public let numerator: Int
    public let denominator: Int

    public init?(numerator: Int, denominator: Int) {
        // Above 1 and below 4, in terms small enough that the ladder's fixed-point factor cannot overflow.
        guard denominator > 0, numerator > denominator, numerator < 4 * denominator, numerator < 1 << 16 else { return nil }
        self.numerator = numerator
        self.denominator = denominator
    }

    public static let opencvDefault = ScaleStep(numerator: 11, denominator: 10)!
}

/// One scale of the detection pyramid: the image shrunk by `factor` to `width` x `height` and
/// scanned with the cascade's own window every `step` pixels. As in OpenCV, the factor is a
/// float32, here `mantissa / 2^shift`.
public struct PyramidLevel: Equatable, Sendable {
    let mantissa: UInt64
    let shift: Int
    /// The shrunk image.
    public let width: Int
    public let height: Int
    /// Windows are tried every `step` pixels in x and y: 2 below factor 2, then 1 (OpenCV's rule).
    public let step: Int
    /// The window's size in the full image.
    public let windowWidth: Int
    public let windowHeight: Int

    init(mantissa: UInt64, shift: Int, imageWidth: Int, imageHeight: Int, cascadeWidth: Int, cascadeHeight: Int) {
        self.mantissa = mantissa
        self.shift = shift
        width = Float32Rounding.roundedQuotient(imageWidth, mantissa: mantissa, shift: shift)
        height = Float32Rounding.roundedQuotient(imageHeight, mantissa: mantissa, shift: shift)
        step = mantissa >= UInt64(2) << UInt64(shift) ? 1 : 2
        windowWidth = Float32Rounding.roundedProduct(cascadeWidth, mantissa: mantissa, shift: shift)
        windowHeight = Float32Rounding.roundedProduct(cascadeHeight, mantissa: mantissa, shift: shift)
    }

    /// A coordinate of this level in the full image, rounded as OpenCV rounds it.
    public func fullImage(_ coordinate: Int) -> Int {
        Float32Rounding.roundedProduct(coordinate, mantissa: mantissa, shift: shift)
    }

    /// The levels OpenCV's detectMultiScale scans for an image and a cascade window (no minimum
    /// or maximum object size): factor 1, step, step^2, ... while the window fits the image.
    public static func ladder(imageWidth: Int, imageHeight: Int, cascadeWidth: Int, cascadeHeight: Int, step: ScaleStep) -> [PyramidLevel] {
        guard imageWidth >= cascadeWidth, imageHeight >= cascadeHeight, imageWidth < 1 << 16, imageHeight < 1 << 16 else { return [] }
        // OpenCV multiplies a double by the step; here a 48-bit fixed-point factor, as exact as
        // that double for any float32 rounding that follows.
        let fractionBits = 48
        var factor = UInt64(1) << UInt64(fractionBits)
        var levels: [PyramidLevel] = []
        while true {
            // The ladder ends with the first window (double factor) larger than the image ...
            let width = Float32Rounding.roundHalfEven(UInt64(cascadeWidth) * factor, fractionBits: fractionBits)
            let height = Float32Rounding.roundHalfEven(UInt64(cascadeHeight) * factor, fractionBits: fractionBits)
            if width > imageWidth || height > imageHeight { break }
            // ... and each level keeps the factor as a float.
            let rounded = Float32Rounding.significand(factor)
            let dropped = min(rounded.trailingZeroBitCount, fractionBits)
            let level = PyramidLevel(
                mantissa: rounded >> UInt64(dropped), shift: fractionBits - dropped, imageWidth: imageWidth,
                imageHeight: imageHeight, cascadeWidth: cascadeWidth, cascadeHeight: cascadeHeight)
            // The float window may round past the image where the double did not: OpenCV stops there too.
            if level.windowWidth > imageWidth || level.windowHeight > imageHeight { break }
            levels.append(level)
            let product = factor.multipliedFullWidth(by: UInt64(step.numerator))
            factor = UInt64(step.denominator).dividingFullWidth(product).quotient
        }
        return levels
    }
}
