/// Decides the windows of one pyramid level from its integral image. `classify` returns
/// OpenCV's runAt result: 1 the window passed every stage, 0 it failed the first (the scan then
/// skips the next position), below 0 a later stage failed or the window was refused outright.
protocol WindowClassifier {
    /// Haar needs the squared integral image for its variance normalisation; LBP does not.
    var needsSquares: Bool { get }
    /// `offset` is the window's top-left entry in the integral image.
    func classify(_ integral: IntegralImage, at offset: Int) -> Int
}
