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
/// seconds, do not count, and a tamper condition is never learnt as the scene. Both the edge
/// energy and the blocks are compared with the overall brightness divided out: dusk, clouds
/// and auto-exposure change the brightness of the whole picture, not its pattern.
///
/// A condition must last `confirm_ms` to be reported, once; it re-arms after `confirm_ms`
/// without any condition. Integer arithmetic only; nothing is allocated per frame.
public final class SceneTamperDetector {
    public let settings: TamperSettings
    public static let gridColumns = 16
    public static let gridRows = 12
    /// How slowly the learnt scene follows the picture once learnt, in milliseconds.
    static let followMilliseconds = 60_000
    /// A learnt scene with less relative edge energy than this (a blank wall, a dark night)
    /// has no edges to lose: the defocus check waits for a scene with some.
    static let minimumReferenceSharpness = 64
    /// Fixed point of the learnt values: 16 fractional bits.
    private static let one = 1 << 16

    private let downscaler: Downscaler
    /// The grid block of each column and each row of the shrunk picture, and the pixels per block.
    private let blockOfColumn: [Int]
    private let blockOfRow: [Int]
    private let blockArea: [Int]
    /// This frame's sum of each block.
    private var blockSums: [Int]
    /// The learnt scene: block means, overall mean and sharpness, all in fixed point.
    private var reference: [Int]
    private var referenceMean = 0
    private var referenceSharpness = 0
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
        blockArea = area
        blockSums = [Int](repeating: 0, count: columns * rows)
        reference = [Int](repeating: 0, count: columns * rows)
    }

    /// Looks at the next frame; returns a finding when a condition has just lasted `confirm_ms`.
    public func observe(_ luma: Plane, milliseconds: Int) -> TamperFinding? {
        guard settings.enabled else { return nil }
        let small = downscaler.shrink(luma)
        let (total, energy) = sumBlocksAndEdges(small)
        let pixels = small.width * small.height
        let one = SceneTamperDetector.one
        let mean = total * one / pixels
        measurement.meanLevel = total / pixels
        // Edge energy per pixel relative to the squared mean: the same whatever the gain.
        let sharpness = energy * one / (pixels * max(1, measurement.meanLevel * measurement.meanLevel))

        let started = startedAt ?? milliseconds
        startedAt = started
        let elapsed = min(1000, max(0, milliseconds - lastMilliseconds))
        lastMilliseconds = milliseconds
        if framesLearnt == 0 || milliseconds - started < settings.learnMilliseconds {
            framesLearnt += 1
            follow(mean: mean, sharpness: sharpness) { value, target in value + (target - value) / framesLearnt }
            return nil
        }

        let reason = judge(mean: mean, sharpness: sharpness)
        condition = reason
        guard let reason else {
            conditionSince = nil
            let follow = SceneTamperDetector.followMilliseconds
            self.follow(mean: mean, sharpness: sharpness) { value, target in value + (target - value) * elapsed / follow }
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

    /// Adds each pixel of `small` to its block, and the squared differences to its right and
    /// lower neighbours to the edge energy. Squares, not absolute values: blurring an edge
    /// spreads its step over more pixels but keeps the sum of their absolute differences.
    private func sumBlocksAndEdges(_ small: Plane) -> (total: Int, energy: Int) {
        for block in blockSums.indices { blockSums[block] = 0 }
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
                    blockSums[blockRow + block] += blockSum
                    blockSum = 0
                    block = blockOfColumn[x]
                }
                blockSum += value
                rowSum += value
            }
            blockSums[blockRow + block] += blockSum
            total += rowSum
            energy += rowEnergy
        }
        return (total, energy)
    }

    /// Moves the learnt scene toward this frame by `step(learnt, now)`.
    private func follow(mean: Int, sharpness: Int, _ step: (Int, Int) -> Int) {
        for block in reference.indices { reference[block] = step(reference[block], blockSums[block] * SceneTamperDetector.one / blockArea[block]) }
        referenceMean = step(referenceMean, mean)
        referenceSharpness = step(referenceSharpness, sharpness)
    }

    /// The condition this frame shows against the learnt scene, the plainest first: a covered
    /// lens has lost its edges and its scene too, but it is reported as dark.
    private func judge(mean: Int, sharpness: Int) -> TamperReason? {
        let one = SceneTamperDetector.one
        measurement.edgePercent = referenceSharpness > 0 ? sharpness * 100 / referenceSharpness : 100
        var changed = 0
        for block in reference.indices {
            // This frame's block at the learnt scene's brightness.
            let level = blockSums[block] * one / blockArea[block] * referenceMean / max(1, mean)
            let learnt = reference[block]
            if abs(level - learnt) > 16 * one + learnt / 8 { changed += 1 }
        }
        measurement.changedPercent = changed * 100 / reference.count
        if mean < settings.darkLevel * one { return .dark }
        if mean > settings.brightLevel * one { return .bright }
        if referenceSharpness >= SceneTamperDetector.minimumReferenceSharpness && sharpness * 100 < referenceSharpness * settings.edgeLossPercent {
            return .defocused
        }
        if changed * 100 > reference.count * settings.sceneChangePercent { return .sceneChanged }
        return nil
    }
}
