import VigilCore

public struct AnalysisParameters: Equatable, Sendable {
    /// Analyse at 1/downscale of the frame size; 0 picks the factor that brings the width
    /// near 320 pixels, where people on a square are still dozens of pixels tall.
    public var downscale = 0
    /// Blobs smaller than this (in analysed pixels) are ignored.
    public var minimumBlobArea = 40
    /// A `motion` event when a track has lasted this long with at least this area (analysed pixels).
    public var motionMinimumMilliseconds = 500
    public var motionMinimumArea = 150
    public var motion = SigmaDeltaParameters()
    public var ghosts = GhostParameters()
    public var tracker = TrackerParameters()
    public var fall = FallParameters()
    /// In full-frame pixels. Motion in an exclude zone is ignored; when there are include zones,
    /// events are reported only for people standing in one (`addZone` keeps the limits).
    public var includeZones: [Polygon] = []
    public var excludeZones: [Polygon] = []

    public init() {}

    public func downscaleFactor(forWidth width: Int) -> Int { downscale > 0 ? downscale : max(1, (width + 160) / 320) }
}

public struct SceneEvent: Equatable, Sendable {
    public enum Kind: Equatable, Sendable { case motion, fall }
    public let kind: Kind
    public let frameIndex: Int
    public let milliseconds: Int
    public let trackID: Int
    /// In the pixels of the full frame.
    public let box: Box

    public var kindName: String { kind == .fall ? "fall" : "motion" }
}

/// The stages of `SceneAnalyzer.analyze`, in order, for per-stage timing.
public enum AnalysisStage: Int, CaseIterable, Sendable {
    case downscale, change, motion, morphology, ghosts, blobs, tracks, events

    public var name: String {
        switch self {
        case .downscale: "downscale"
        case .change: "change"
        case .motion: "motion"
        case .morphology: "morphology"
        case .ghosts: "ghosts"
        case .blobs: "blobs"
        case .tracks: "tracks"
        case .events: "events"
        }
    }
}

/// The analysis of one camera: motion, blobs, tracks, falls, on each frame's luma.
public final class SceneAnalyzer {
    public let parameters: AnalysisParameters
    public let factor: Int
    private let downscaler: Downscaler
    let change: FrameDifference
    let background: SigmaDeltaBackground
    private let morphology: MaskMorphology
    private let ghosts: GhostSuppressor
    private let extractor: BlobExtractor
    public let tracker: Tracker
    private let falls: FallDetector
    private let frozen: Plane
    private let zones: ZoneMap
    /// The redaction's static masks, in analysed pixels.
    private let masked: [PixelatedArea]
    /// The faces redaction covered in the last frame, in analysed pixels (`forget`).
    private(set) var forgotten: [PixelatedArea] = []
    /// Those of the frame before: where they no longer reach, the next frame heals the mosaic.
    private var released: [PixelatedArea] = []
    /// When each live track began, and whether its `motion` event went out.
    private var notes: [(trackID: Int, startedAt: Int, reported: Bool)]
    /// Set by benchmarks: a monotonic clock in nanoseconds. While set, the time of each stage
    /// is added to `stageNanoseconds` (indexed by `AnalysisStage.rawValue`).
    public var stageClock: (() -> Int64)? = nil
    public private(set) var stageNanoseconds = [Int64](repeating: 0, count: AnalysisStage.allCases.count)

    /// `masked`: the areas redaction always pixelates (its static masks, full-frame pixels).
    /// The analysis sees them only as a mosaic, so that nothing it keeps from frame to frame -
    /// the last frame, the background model - shows more of a neighbour's window than the
    /// redacted frames do.
    public init(width: Int, height: Int, parameters: AnalysisParameters = AnalysisParameters(), masked: [PixelatedArea] = []) {
        self.parameters = parameters
        factor = parameters.downscaleFactor(forWidth: width)
        let factor = factor
        self.masked = masked.map { $0.shrunk(by: factor) }
        downscaler = Downscaler(width: width, height: height, factor: factor)
        let w = downscaler.output.width, h = downscaler.output.height
        change = FrameDifference(width: w, height: h)
        background = SigmaDeltaBackground(width: w, height: h, parameters: parameters.motion)
        morphology = MaskMorphology(width: w, height: h)
        ghosts = GhostSuppressor(width: w, height: h, parameters: parameters.ghosts)
        extractor = BlobExtractor(width: w, height: h)
        tracker = Tracker(parameters: parameters.tracker)
        falls = FallDetector(width: w, height: h, capacity: tracker.capacity, parameters: parameters.fall)
        frozen = Plane(width: w, height: h)
        zones = ZoneMap(width: w, height: h, factor: factor, include: parameters.includeZones, exclude: parameters.excludeZones)
        notes = []
        notes.reserveCapacity(tracker.capacity)
        forgotten.reserveCapacity(256)
        released.reserveCapacity(256)
    }

    /// Pixelates `areas` - the faces redaction covered in this frame, with their blocks, in
    /// full-frame pixels - in all the analysis keeps until the next frame: the last frame, the
    /// background model and the shrunk copy. The next frame is pixelated there too before it is
    /// compared with them, so that mosaic meets mosaic on the same grid and a face that stays
    /// put is not mistaken for motion: the analysis holds no more of a face than the redacted
    /// frames do; where a face is no longer held, the next frame heals the mosaic
    /// (`healReleased`). Head zones are not forgotten: they span most of an upright body, and
    /// their mosaic hid the motion the fall detector reads (`make eval`: 13 of 14 falls found
    /// became 7, and 9 in blocks of 8 pixels).
    public func forget(_ areas: [PixelatedArea]) {
        swap(&released, &forgotten)
        forgotten.removeAll(keepingCapacity: true)
        for area in areas {
            let small = area.shrunk(by: factor)
            forgotten.append(small)
            change.previous.pixelate(small)
            background.mean.pixelate(small)
            downscaler.output.pixelate(small)
        }
    }

    /// Analyses the next frame and appends the events it raises to `events`. An array, not a
    /// callback: the optimiser copied the whole analysis for each caller's closure (20 KB of
    /// the firmware).
    public func analyze(_ luma: Plane, frameIndex: Int, milliseconds: Int, events: inout [SceneEvent]) {
        var mark = stageClock?() ?? 0
        // Never the raw frame itself (factor 1) when painting on it: the face search reads it next.
        let small = masked.isEmpty && forgotten.isEmpty ? downscaler.shrink(luma) : downscaler.shrunkCopy(luma)
        for area in masked { small.pixelate(area) }
        healReleased(small)
        for area in forgotten { small.pixelate(area) }
        lap(.downscale, &mark)
        change.update(small)
        lap(.change, &mark)
        tracker.paintFrozenMask(frozen)
        background.update(small, frozen: frozen)
        zones.clearExcluded(in: background.foreground)
        lap(.motion, &mark)
        morphology.open(background.foreground)
        lap(.morphology, &mark)
        ghosts.suppress(background, luma: small)
        lap(.ghosts, &mark)
        let blobs = extractor.extract(background.foreground, minimumArea: parameters.minimumBlobArea)
        lap(.blobs, &mark)
        tracker.update(blobs)
        lap(.tracks, &mark)
        defer { lap(.events, &mark) }
        falls.retain { id in tracker.tracks.contains { $0.id == id } }
        notes.removeAll { note in !tracker.tracks.contains { $0.id == note.trackID } }
        for track in tracker.tracks {
            // Every live track feeds the fall detector, seen or held, inside the include zones
            // or not; events are reported only for people lying in one.
            if let rest = falls.observe(track, in: change, milliseconds: milliseconds), zones.includes(footOf: rest) {
                events.append(SceneEvent(kind: .fall, frameIndex: frameIndex, milliseconds: milliseconds, trackID: track.id, box: rest.scaled(by: factor)))
            }
            guard track.missed == 0 && !track.occluded else { continue }
            guard let note = notes.firstIndex(where: { $0.trackID == track.id }) else {
                notes.append((track.id, milliseconds, false))
                continue
            }
            if !notes[note].reported && zones.includes(footOf: track.box) && track.area >= parameters.motionMinimumArea
                && milliseconds - notes[note].startedAt >= parameters.motionMinimumMilliseconds {
                notes[note].reported = true
                events.append(SceneEvent(kind: .motion, frameIndex: frameIndex, milliseconds: milliseconds, trackID: track.id, box: track.box.scaled(by: factor)))
            }
        }
    }

    /// Where a face is no longer held, the last frame and the model still hold its mosaic, and
    /// the frame now shows what is there: left alone, the difference is foreground that no one
    /// explains, a track is made of it, and the model freezes under that track for good. So
    /// there, outside the faces still forgotten and outside tracked people (whose model holds
    /// the background behind them), both take the frame as it is now, as the model does where
    /// a ghost is absorbed.
    private func healReleased(_ small: Plane) {
        for area in released {
            guard let box = area.painted.clipped(width: small.width, height: small.height) else { continue }
            for y in box.minY...box.maxY {
                let input = small.row(y), m = background.mean.row(y), before = change.previous.row(y), hold = frozen.row(y)
                for x in box.minX...box.maxX where hold[x] == 0 && !forgotten.contains(where: { $0.painted.contains(x: x, y: y) }) {
                    m[x] = input[x]
                    before[x] = input[x]
                }
            }
        }
    }

    private func lap(_ stage: AnalysisStage, _ mark: inout Int64) {
        guard let clock = stageClock else { return }
        let now = clock()
        stageNanoseconds[stage.rawValue] += now - mark
        mark = now
    }
}
