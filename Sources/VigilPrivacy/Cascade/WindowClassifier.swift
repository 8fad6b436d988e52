/// Decides the windows of one pyramid level from its integral image. `classify` returns
/// OpenCV's runAt result: 1 the window passed every stage, 0 it failed the first (the scan then
/// skips the next position), below 0 a later stage failed or the window was refused outright.
protocol WindowClassifier {
    /// Haar needs the squared integral image for its variance normalisation; LBP does not.
    var needsSquares: Bool { get }
    /// `offset` is the window's top-left entry in the integral image.
    func classify(_ integral: IntegralImage, at offset: Int) -> Int
}

/// floor(sqrt(value)), bit by bit.
@inline(__always)
func squareRoot(_ value: UInt64) -> UInt64 {
    guard value > 0 else { return 0 }
    var remainder = value, root: UInt64 = 0
    var bit = UInt64(1) << UInt64((63 - value.leadingZeroBitCount) & ~1)
    while bit != 0 {
        if remainder >= root + bit {
            remainder -= root + bit
            root = (root >> 1) + bit
        } else {
            root >>= 1
        }
        bit >>= 2
    }
    return root
}
