import VigilCore

public struct GhostParameters: Equatable, Sendable {
    /// Below this difference of the two jumps (grey levels per neighbour) a border pixel
    /// gives no evidence either way: soft edges and noise.
    public var borderMargin = 6
    /// A label spreads between neighbouring pixels whose current values differ by at most
    /// this much, so it stays inside one surface of the current frame.
    public var spreadTolerance = 10
    /// Frames a pixel must be judged a ghost in a row before it is absorbed.
    public var confirmFrames = 6

    public init() {}
}

/// Finds and absorbs ghosts: foreground where the background model still holds an object
/// that has gone (the person who stood there when the camera started, a bag picked up).
///
/// At the border of a foreground region the model and the current frame disagree about
/// which of them has the jump. Around a real object the current frame jumps (object against
/// background) while the model is continuous; around a ghost the model jumps (it holds the
/// departed object) while the current frame shows the background continuing. Border pixels
/// vote; each label then spreads through the region along pixels of similar current value,
/// so a ghost joined to the real person (someone fallen where they stood) is split at the
/// person's own outline. Pixels judged a ghost for `confirmFrames` frames take the current
/// value into the model. Absorbed pixels vote as background from the next frame on, which
/// finishes a ghost the spread could not cross, but can also carry one wrong absorption into
/// a still person: the known limit, measured by `make eval`.
public final class GhostSuppressor {
    public let parameters: GhostParameters
    private enum Label: UInt8 { case none = 0, ghost = 1, object = 2 }
    private let labels: Plane
    private let distances: Plane
    private let ghostFrames: Plane
    /// Per row: the columns from its first to its last foreground pixel this frame (empty
    /// when `first > last`), and those where ghost counts may be running from earlier frames.
    /// Most rows of most frames have neither, and the rest only a short stretch: all the
    /// work below stays inside these spans.
    private var first: [Int]
    private var last: [Int]
    private var countFirst: [Int]
    private var countLast: [Int]
    /// Pixels absorbed at the last call.
    public private(set) var absorbed = 0

    public init(width: Int, height: Int, parameters: GhostParameters = GhostParameters()) {
        self.parameters = parameters
        labels = Plane(width: width, height: height)
        distances = Plane(width: width, height: height)
        ghostFrames = Plane(width: width, height: height)
        first = [Int](repeating: 0, count: height)
        last = [Int](repeating: -1, count: height)
        countFirst = [Int](repeating: 0, count: height)
        countLast = [Int](repeating: -1, count: height)
    }

    /// Judges the foreground of `background` against `luma` (the frame it was computed from),
    /// absorbs confirmed ghost pixels into the model and clears them from the foreground.
    public func suppress(_ background: SigmaDeltaBackground, luma: Plane) {
        let foreground = background.foreground, mean = background.mean
        let width = foreground.width
        for y in 0..<foreground.height {
            let fg = foreground.row(y)
            var from = 0, to = width - 1
            while from < width && fg[from] == 0 { from += 1 }
            while to >= from && fg[to] == 0 { to -= 1 }
            first[y] = from
            last[y] = to
        }
        seedBorders(foreground, luma: luma, mean: mean)
        spread(foreground, luma: luma)
        var absorbedNow = 0
        let confirm = UInt8(min(255, parameters.confirmFrames))
        for y in 0..<foreground.height where first[y] <= last[y] || countFirst[y] <= countLast[y] {
            let fg = foreground.row(y), label = labels.row(y), count = ghostFrames.row(y)
            let input = luma.row(y), m = mean.row(y)
            // Counts outside this frame's foreground end; inside it they go on or restart.
            var countingFrom = width, countingTo = -1
            for x in min(first[y], countFirst[y])...max(last[y], countLast[y]) {
                guard fg[x] != 0 && label[x] == Label.ghost.rawValue else { count[x] = 0; continue }
                count[x] = count[x] &+ (count[x] < 255 ? 1 : 0)
                countingFrom = min(countingFrom, x)
                countingTo = x
                if count[x] >= confirm {
                    m[x] = input[x]
                    fg[x] = 0
                    count[x] = 0
                    absorbedNow += 1
                }
            }
            countFirst[y] = countingFrom
            countLast[y] = countingTo
        }
        absorbed = absorbedNow
    }

    /// Labels the border pixels of the foreground by which image jumps there.
    private func seedBorders(_ foreground: Plane, luma: Plane, mean: Plane) {
        let width = foreground.width, height = foreground.height
        let margin = parameters.borderMargin
        for y in 0..<height where first[y] <= last[y] {
            let fg = foreground.row(y), label = labels.row(y), distance = distances.row(y)
            let input = luma.row(y), m = mean.row(y)
            let fgAbove = y > 0 ? foreground.row(y - 1) : fg, fgBelow = y + 1 < height ? foreground.row(y + 1) : fg
            let inAbove = y > 0 ? luma.row(y - 1) : input, inBelow = y + 1 < height ? luma.row(y + 1) : input
            let mAbove = y > 0 ? mean.row(y - 1) : m, mBelow = y + 1 < height ? mean.row(y + 1) : m
            for x in first[y]...last[y] {
                label[x] = Label.none.rawValue
                distance[x] = 255
                guard fg[x] != 0 else { continue }
                let here = Int(input[x]), model = Int(m[x])
                var score = 0, neighbours = 0
                /// The model's jump minus the frame's jump towards one background neighbour.
                @inline(__always) func vote(_ modelThere: UInt8, _ frameThere: UInt8) {
                    score += abs(model - Int(modelThere)) - abs(here - Int(frameThere))
                    neighbours += 1
                }
                // Outside the image is no evidence: a person cut by the frame edge is no ghost.
                if x > 0 && fg[x - 1] == 0 { vote(m[x - 1], input[x - 1]) }
                if x + 1 < width && fg[x + 1] == 0 { vote(m[x + 1], input[x + 1]) }
                if y > 0 && fgAbove[x] == 0 { vote(mAbove[x], inAbove[x]) }
                if y + 1 < height && fgBelow[x] == 0 { vote(mBelow[x], inBelow[x]) }
                guard neighbours > 0 else { continue }
                if score > margin * neighbours {
                    label[x] = Label.ghost.rawValue
                    distance[x] = 0
                } else if score < -margin * neighbours {
                    label[x] = Label.object.rawValue
                    distance[x] = 0
                }
            }
        }
    }

    /// One forward and one backward raster pass: each foreground pixel takes the label of its
    /// nearest labelled neighbour of similar value (objects win ties: never absorb on a doubt).
    private func spread(_ foreground: Plane, luma: Plane) {
        let width = foreground.width, height = foreground.height
        for y in 0..<height where first[y] <= last[y] {
            relaxRow(y, from: y > 0 ? y - 1 : nil, width: width, foreground: foreground, luma: luma, forward: true)
        }
        for y in stride(from: height - 1, through: 0, by: -1) where first[y] <= last[y] {
            relaxRow(y, from: y + 1 < height ? y + 1 : nil, width: width, foreground: foreground, luma: luma, forward: false)
        }
    }

    /// Relaxes row `y` from its neighbour in the scan direction on the same row and from the
    /// three pixels of row `other` (the row already done in this pass).
    private func relaxRow(_ y: Int, from other: Int?, width: Int, foreground: Plane, luma: Plane, forward: Bool) {
        let tolerance = parameters.spreadTolerance
        let fg = foreground.row(y), input = luma.row(y), label = labels.row(y), distance = distances.row(y)
        let otherRow = other ?? y
        let fgO = foreground.row(otherRow), inO = luma.row(otherRow), labelO = labels.row(otherRow), distanceO = distances.row(otherRow)
        @inline(__always) func relax(_ x: Int, _ q: Int, sameRow: Bool) {
            guard q >= 0 && q < width else { return }
            // Foreground first: labels of other pixels are left over from earlier frames.
            guard (sameRow ? fg[q] : fgO[q]) != 0 else { return }
            let source = sameRow ? label[q] : labelO[q]
            guard source != Label.none.rawValue,
                  abs(Int(input[x]) - Int(sameRow ? input[q] : inO[q])) <= tolerance else { return }
            let candidate = Int(sameRow ? distance[q] : distanceO[q]) + 1
            let current = Int(distance[x])
            if candidate < current || (candidate == current && source == Label.object.rawValue) {
                distance[x] = UInt8(min(candidate, 254))
                label[x] = source
            }
        }
        let step = forward ? 1 : -1
        let lowest = first[y], highest = last[y]
        var x = forward ? lowest : highest
        while x >= lowest && x <= highest {
            if fg[x] != 0 && distance[x] != 0 {
                relax(x, x - step, sameRow: true)
                if other != nil {
                    relax(x, x - 1, sameRow: false)
                    relax(x, x, sameRow: false)
                    relax(x, x + 1, sameRow: false)
                }
            }
            x += step
        }
    }
}
