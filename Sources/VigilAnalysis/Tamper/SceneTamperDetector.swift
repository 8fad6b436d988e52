import VigilCore

/// Why the camera's picture looks attacked.
public enum TamperReason: Equatable, Sendable {
    /// Covered, or sprayed black: the picture is almost black.
    case dark
    /// Blinded by a flashlight or a laser: the picture is almost white.
    case bright
    /// Smeared, sprayed or defocused: the edges of the scene are gone.
    case defocused
    /// Turned away, or something large put in front: most of the picture is another scene.
    case sceneChanged

    public var name: String {
        switch self {
        case .dark: "dark"
        case .bright: "bright"
        case .defocused: "defocused"
        case .sceneChanged: "scene_changed"
        }
    }
}

/// A tamper condition that has lasted `confirm_ms`.
public struct TamperFinding: Equatable, Sendable {
    public let reason: TamperReason
    /// When the condition began, and when it was confirmed (the stream's milliseconds).
    public let startedAt: Int
    public let milliseconds: Int
}

/// What the detector measured on the last frame, against the learnt scene: for the status
/// file and for choosing thresholds on a site's footage.
public struct TamperMeasurement: Equatable, Sendable {
    /// Mean grey level of the picture.
    public var meanLevel = 0
    /// Edge energy as a percentage of the learnt scene's (brightness removed).
    public var edgePercent = 100
    /// Percentage of the coarse grid's blocks that differ from the learnt scene.
    public var changedPercent = 0
}

/// Notices attacks on the camera itself, the ones that peers' users report first: the lens
/// covered or sprayed (dark), a flashlight in it (bright), smeared or defocused (the edges go),
/// the camera turned away (most of a coarse grid of block means changes).
///
/// The picture is shrunk to about 160 pixels wide first, which averages sensor noise away
/// and bounds the work. The learnt scene - block means and edge energy - is the average of
/// the first `learn_ms`, then follows the picture slowly (a minute's time constant) and only
/// while nothing is wrong, so people walking through, who change a few blocks for a few
/// seconds, do not count, and a tamper condition is never learnt as the scene. Blocks and
/// edges are compared at the learnt scene's brightness: the gain is the median of the
/// blocks' ratios to it, so dusk, clouds and auto-exposure (the whole picture brighter or
/// darker) change nothing, and neither does a large object in part of it (the median is the
/// rest's). Fog and a dirty dome lose edges too: lower `edge_loss_percent` where they are common.
///
/// A condition must last `confirm_ms` to be reported, once; it re-arms after `confirm_ms`
/// without any condition. Integer arithmetic only; nothing is allocated per frame.
public final class SceneTamperDetector {
    public let settings: TamperSettings
    public static let gridColumns = 16
    public static let gridRows = 12
    /// How slowly the learnt scene follows the picture once learnt, in milliseconds.
    static let followMilliseconds = 60_000
    /// A learnt scene with less edge energy than this per pixel (squared grey levels, fixed
    /// point) - a blank wall, a dark night - has no edges to lose: the defocus check waits.
    static let minimumReferenceEnergy = 2 << 16
    /// Fixed point of the learnt values: 16 fractional bits.
    private static let one = 1 << 16
    /// Gains are in 1/64: 64 is the learnt scene's brightness; the histogram reaches 4x.
    private static let unitGain = 64

    private let downscaler: Downscaler
    /// The grid block of each column and each row of the shrunk picture, and the pixels per block.
    private let blockOfColumn: [Int]
    private let blockOfRow: [Int]
    private let blockArea: [Int]
    /// This frame: the sum of each block, then its mean in fixed point.
    private var blocks: [Int]
    private var gainHistogram: [Int]
    /// The learnt scene: block means and edge energy per pixel, in fixed point.
    private var reference: [Int]
    private var referenceEnergy = 0
    private var framesLearnt = 0
    private var startedAt: Int? = nil
    private var lastMilliseconds = 0

    /// The condition now (confirmed or not yet), or nil.
    public private(set) var condition: TamperReason? = nil
    public private(set) var measurement = TamperMeasurement()
    private var conditionSince: Int? = nil
    private var clearSince: Int? = nil
    private var armed = true

    public init(width: Int, height: Int, settings: TamperSettings = TamperSettings()) {
        self.settings = settings
        downscaler = Downscaler(width: width, height: height, factor: max(1, width / 160))
        let w = downscaler.output.width, h = downscaler.output.height
        let columns = SceneTamperDetector.gridColumns, rows = SceneTamperDetector.gridRows
        blockOfColumn = (0..<w).map { min(columns - 1, $0 * columns / w) }
        blockOfRow = (0..<h).map { min(rows - 1, $0 * rows / h) * columns }
        var area = [Int](repeating: 0, count: columns * rows)
        for y in 0..<h { for x in 0..<w { area[blockOfRow[y] + blockOfColumn[x]] += 1 } }
        blockArea = area.map { max(1, $0) }
        blocks = [Int](repeating: 0, count: columns * rows)
        gainHistogram = [Int](repeating: 0, count: 4 * SceneTamperDetector.unitGain)
        reference = [Int](repeating: 0, count: columns * rows)
    }

    /// Looks at the next frame; returns a finding when a condition has just lasted `confirm_ms`.
    public func observe(_ luma: Plane, milliseconds: Int) -> TamperFinding? {
        guard settings.enabled else { return nil }
        let small = downscaler.shrink(luma)
        let pixels = small.width * small.height
        let (total, energySum) = sumBlocksAndEdges(small)
        let energy = energySum * SceneTamperDetector.one / pixels
        measurement.meanLevel = total / pixels

        let started = startedAt ?? milliseconds
        startedAt = started
        let elapsed = min(1000, max(0, milliseconds - lastMilliseconds))
        lastMilliseconds = milliseconds
        if framesLearnt == 0 || milliseconds - started < settings.learnMilliseconds {
            framesLearnt += 1
            follow(energy: energy) { learnt, now in learnt + (now - learnt) / framesLearnt }
            return nil
        }

        let reason = judge(mean: measurement.meanLevel, energy: energy)
        condition = reason
        guard let reason else {
            conditionSince = nil
            let follow = SceneTamperDetector.followMilliseconds
            self.follow(energy: energy) { learnt, now in learnt + (now - learnt) * elapsed / follow }
            if !armed {
                let since = clearSince ?? milliseconds
                clearSince = since
                if milliseconds - since >= settings.confirmMilliseconds { armed = true }
            }
            return nil
        }
        clearSince = nil
        let since = conditionSince ?? milliseconds
        conditionSince = since
        guard armed, milliseconds - since >= settings.confirmMilliseconds else { return nil }
        armed = false
        return TamperFinding(reason: reason, startedAt: since, milliseconds: milliseconds)
    }

    /// Fills `blocks` with the mean of each block (fixed point) and returns the picture's sum
    /// and its edge energy: the squared differences of each pixel to its right and lower
    /// neighbours. Squares, not absolute values: blurring an edge spreads its step over more
    /// pixels but keeps the sum of their absolute differences.
    private func sumBlocksAndEdges(_ small: Plane) -> (total: Int, energy: Int) {
        for block in blocks.indices { blocks[block] = 0 }
        var total = 0, energy = 0
        let width = small.width
        for y in 0..<small.height {
            let row = small.row(y), below = small.row(min(y + 1, small.height - 1)), blockRow = blockOfRow[y]
            var rowSum = 0, rowEnergy = 0, blockSum = 0, block = blockOfColumn[0]
            for x in 0..<width {
                let value = Int(row[x])
                let dx = Int(row[min(x + 1, width - 1)]) - value, dy = Int(below[x]) - value
                rowEnergy += dx * dx + dy * dy
                if blockOfColumn[x] != block {
                    blocks[blockRow + block] += blockSum
                    blockSum = 0
                    block = blockOfColumn[x]
                }
                blockSum += value
                rowSum += value
            }
            blocks[blockRow + block] += blockSum
            total += rowSum
            energy += rowEnergy
        }
        for block in blocks.indices { blocks[block] = blocks[block] * SceneTamperDetector.one / blockArea[block] }
        return (total, energy)
    }

    /// Moves the learnt scene toward this frame by `step(learnt, now)`.
    private func follow(energy: Int, _ step: (Int, Int) -> Int) {
        for block in reference.indices { reference[block] = step(reference[block], blocks[block]) }
        referenceEnergy = step(referenceEnergy, energy)
    }

    /// The brightness of this frame relative to the learnt scene, in 1/64: the median of the
    /// blocks' ratios, at least 1.
    private func gain() -> Int {
        let unit = SceneTamperDetector.unitGain, top = gainHistogram.count - 1
        for bin in gainHistogram.indices { gainHistogram[bin] = 0 }
        for block in blocks.indices {
            gainHistogram[min(top, blocks[block] * unit / max(SceneTamperDetector.one, reference[block]))] += 1
        }
        var seen = 0
        for bin in gainHistogram.indices {
            seen += gainHistogram[bin]
            if 2 * seen > blocks.count { return max(1, bin) }
        }
        return top
    }

    /// The condition this frame shows against the learnt scene, the plainest first: a covered
    /// lens has lost its edges and its scene too, but it is reported as dark.
    private func judge(mean: Int, energy: Int) -> TamperReason? {
        let one = SceneTamperDetector.one, unit = SceneTamperDetector.unitGain
        let gain = gain()
        // This frame's edges and blocks at the learnt scene's brightness.
        let edges = energy * unit / gain * unit / gain
        measurement.edgePercent = referenceEnergy > 0 ? edges * 100 / referenceEnergy : 100
        var changed = 0
        for block in reference.indices {
            let level = blocks[block] * unit / gain, learnt = reference[block]
            if abs(level - learnt) > 8 * one + learnt / 16 { changed += 1 }
        }
        measurement.changedPercent = changed * 100 / reference.count
        if mean < settings.darkLevel { return .dark }
        if mean > settings.brightLevel { return .bright }
        if referenceEnergy >= SceneTamperDetector.minimumReferenceEnergy && edges * 100 < referenceEnergy * settings.edgeLossPercent {
            return .defocused
        }
        if changed * 100 > reference.count * settings.sceneChangePercent { return .sceneChanged }
        return nil
    }
}
