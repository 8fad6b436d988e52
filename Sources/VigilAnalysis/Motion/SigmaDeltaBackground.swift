import VigilCore

/// Tuning of the Sigma-Delta background model. Integers only.
public struct SigmaDeltaParameters: Equatable, Sendable {
    /// N: how many times the temporal deviation a pixel must differ by to be foreground.
    public var amplification = 2
    /// Bounds of the per-pixel deviation V: the floor keeps sensor noise out, the ceiling
    /// keeps a waving tree from hiding everything that passes in front of it.
    public var minimumDeviation = 8
    public var maximumDeviation = 160
    /// Global gain changes larger than this, in 1/64 steps (2 = 3 %), rescale the model at
    /// once: lights switching, clouds, auto-exposure.
    public var gainTolerance = 2

    public init() {}
}

/// Per-pixel background estimation after Manzanera & Richefeu (2007): the mean M moves by
/// one step toward each frame, the deviation V toward N times the difference, and a pixel is
/// foreground where |I - M| > V. Only 8-bit increments and compares.
///
/// Added to the classic scheme:
/// - a robust global gain (median of per-pixel ratios I/M on a subsample) rescales M at once
///   when the whole scene brightens or darkens, so a light switch is not an event;
/// - a `frozen` mask pauses the update under tracked objects, so a person who stops moving
///   does not melt into the background.
public final class SigmaDeltaBackground {
    public let width: Int
    public let height: Int
    public let parameters: SigmaDeltaParameters
    /// 255 where the last frame differed from the background, 0 elsewhere.
    public let foreground: Plane
    let mean: Plane
    let deviation: Plane
    private var primed = false
    /// Stands in for a frozen mask's row when there is none: every pixel updates.
    private let neverFrozen: Plane
    private var ratioHistogram = [Int](repeating: 0, count: 256)
    /// The gain applied at the last update, in 1/64 (64 = none).
    public private(set) var lastGain = 64

    public init(width: Int, height: Int, parameters: SigmaDeltaParameters = SigmaDeltaParameters()) {
        self.width = width
        self.height = height
        // The update steps bytes by one within these bounds and must not wrap.
        precondition(parameters.minimumDeviation >= 1 && parameters.maximumDeviation <= 254 && parameters.minimumDeviation <= parameters.maximumDeviation)
        self.parameters = parameters
        foreground = Plane(width: width, height: height)
        mean = Plane(width: width, height: height)
        deviation = Plane(width: width, height: height)
        neverFrozen = Plane(width: width, height: 1)
    }

    /// Updates the model with the next frame's luma and computes `foreground`.
    /// Pixels that are non-zero in `frozen` are compared but their model is left as it is.
    public func update(_ luma: Plane, frozen: Plane? = nil) {
        precondition(luma.width == width && luma.height == height)
        guard primed else {
            for y in 0..<height {
                mean.row(y).baseAddress!.update(from: luma.row(y).baseAddress!, count: width)
                deviation.row(y).update(repeating: UInt8(parameters.minimumDeviation))
            }
            foreground.fill(0)
            primed = true
            return
        }
        compensateGlobalGain(luma)
        let n = UInt16(parameters.amplification)
        let vMin = UInt8(parameters.minimumDeviation)
        let vMax = UInt8(parameters.maximumDeviation)
        for y in 0..<height {
            let input = luma.row(y), m = mean.row(y), v = deviation.row(y), out = foreground.row(y)
            let hold = frozen?.row(y) ?? neverFrozen.row(0)
            // Byte arithmetic without branches, so the compiler vectorises the row: each
            // condition is a 0/1 byte that gates its step.
            for x in 0..<width {
                let i = input[x], free: UInt8 = hold[x] == 0 ? 1 : 0
                let mx = m[x] &+ (i > m[x] ? free : 0) &- (i < m[x] ? free : 0)
                let difference = i > mx ? i &- mx : mx &- i
                let target = UInt8(truncatingIfNeeded: min(UInt16(difference) &* n, 255))
                let adapt: UInt8 = difference != 0 ? free : 0
                let vx = min(max(v[x] &+ (target > v[x] ? adapt : 0) &- (target < v[x] ? adapt : 0), vMin), vMax)
                m[x] = mx
                v[x] = vx
                out[x] = difference > vx ? 255 : 0
            }
        }
    }

    /// Estimates the scene's global gain as the median of I/M over every 4th pixel of every
    /// 4th row that was background in the last frame, and rescales M when it is off. Objects
    /// stay out of the estimate, so a person close to the lens is not mistaken for the light
    /// changing; with too little background left to judge, the model is left alone.
    private func compensateGlobalGain(_ luma: Plane) {
        for index in ratioHistogram.indices { ratioHistogram[index] = 0 }
        var samples = 0, considered = 0
        for y in stride(from: 2, to: height, by: 4) {
            let input = luma.row(y), m = mean.row(y), was = foreground.row(y)
            for x in stride(from: 2, to: width, by: 4) {
                considered += 1
                guard was[x] == 0 else { continue }
                // Ratio in 1/64 with +8 on both sides so dark pixels do not make wild ratios.
                let ratio = (Int(input[x]) + 8) * 64 / (Int(m[x]) + 8)
                ratioHistogram[min(ratio, 255)] += 1
                samples += 1
            }
        }
        guard samples * 4 >= considered else { return }
        var seen = 0
        var gain = 64
        for (bin, count) in ratioHistogram.enumerated() {
            seen += count
            if seen * 2 >= samples { gain = bin; break }
        }
        lastGain = gain
        guard abs(gain - 64) > parameters.gainTolerance else { return }
        for y in 0..<height {
            let m = mean.row(y)
            for x in 0..<width {
                m[x] = UInt8(min(255, max(0, (Int(m[x]) + 8) * gain / 64 - 8)))
            }
        }
    }

    /// Share of foreground pixels in the last frame, in 1/1000.
    public var foregroundPermille: Int {
        var count = 0
        for y in 0..<height { for value in foreground.row(y) where value != 0 { count += 1 } }
        return count * 1000 / (width * height)
    }
}
