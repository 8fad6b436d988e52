/// Tuning of the fall / person-down detector. Lengths are relative to the height the person's
/// movement spans, so they do not depend on the camera's distance or resolution.
public struct FallParameters: Equatable, Sendable {
    /// The descent must happen within this time: a fall is fast, lying down is slower.
    public var transitionMilliseconds = 2000
    /// The top of the moving body must come down by at least this share (percent) of the
    /// height its movement spanned: a head that drops from standing height to the floor.
    public var topDropPercent = 45
    /// A fall ends on the ground: stillness must come within this time of the last movement.
    public var landingMilliseconds = 400
    /// A person moves when at least this many pixels per 1000 of the analysed frame changed
    /// inside their track; less is breathing, a hand, noise.
    public var movingPermille = 4
    /// Movement spanning fewer analysed rows than this is a limb, not a body going down.
    public var minimumSpan = 16
    /// The person must stay down this long before the event (Debard et al.: what keeps
    /// false alarms down).
    public var confirmMilliseconds = 2000
    /// Getting up: movement whose top rises this share (percent) of the span above the level
    /// where the person came to rest.
    public var risePercent = 25
    /// Something leaving the picture shrinks to nothing as it goes, which also looks like a
    /// collapse; a fallen body stays in view, though much of it can fade into the background
    /// or be missed: at least this share (percent) of the track's largest area in the fall.
    public var keptAreaPercent = 10

    public init() {}
}

/// Watches the movement around each track for a fall: a burst of change whose top runs down
/// by about half the person's height within two seconds while its bottom stays, then
/// stillness, then no getting up for the confirmation time (Rougier et al.: large motion,
/// then lack of motion).
///
/// It reads the frame-to-frame change, not the silhouette's shape: a silhouette from the
/// background model carries the ghost of where the person stood when the camera started,
/// and a person lying still melts out of it; the change shows only what moves now.
public final class FallDetector {
    public let parameters: FallParameters
    private let minimumMoving: Int
    /// The change measured in one frame, in a fixed ring per track slot.
    private struct Sample { var milliseconds = 0, pixels = 0, top = 0, bottom = 0, area = 0 }
    private enum Phase: Equatable {
        case watching
        /// At rest since `since` in `box` (the track's box when last seen), with the top of
        /// the last movement at `level`; `span` is the height the fall's movement covered,
        /// `region` where it was measured.
        case down(since: Int, box: Box, region: Box, level: Int, span: Int)
        case reported(region: Box, level: Int, span: Int)
    }
    private struct Slot {
        var trackID = 0
        /// Where the change was last measured for this track.
        var region = Box(minX: 0, minY: 0, maxX: -1, maxY: -1)
        var samples: [Sample]
        var next = 0
        var count = 0
        var phase = Phase.watching
    }
    private var slots: [Slot]
    private let historyLength: Int

    /// `width` and `height` are the analysed frame's; the history should cover the transition
    /// and the landing at the camera's frame rate (160 frames: 2.6 s at 60 fps).
    public init(width: Int, height: Int, capacity: Int = 16, historyLength: Int = 160, parameters: FallParameters = FallParameters()) {
        self.parameters = parameters
        self.historyLength = historyLength
        minimumMoving = max(1, width * height * parameters.movingPermille / 1000)
        // Each slot its own buffer: one shared by all would be copied on each slot's first write.
        slots = (0..<capacity).map { _ in Slot(samples: [Sample](repeating: Sample(), count: historyLength)) }
    }

    private func slotIndex(for trackID: Int) -> Int {
        if let index = slots.firstIndex(where: { $0.trackID == trackID }) { return index }
        // A new track takes a free slot, or the one of a track that no longer exists.
        let index = slots.firstIndex(where: { $0.trackID == 0 }) ?? (trackID % slots.count)
        slots[index].trackID = trackID
        slots[index].next = 0
        slots[index].count = 0
        slots[index].phase = .watching
        return index
    }

    /// Forgets tracks that ended.
    public func retain(_ isLive: (Int) -> Bool) {
        for index in slots.indices where slots[index].trackID != 0 && !isLive(slots[index].trackID) { slots[index].trackID = 0 }
    }

    /// Measures this frame's change around a track; once per confirmed fall, returns where
    /// the person lies (the track's box when last seen: a held track drifts on its velocity).
    /// Call it every frame for every live track, seen or not: a person lying still drops out
    /// of the foreground, and that is the confirmation, not the end of them. A fall can only
    /// begin on a track that was seen, though: a track coasting out of view is not a person
    /// coming to rest.
    public func observe(_ track: Track, in difference: FrameDifference, milliseconds: Int) -> Box? {
        let index = slotIndex(for: track.id)
        // A little around the box, which lags behind fast movement.
        slots[index].region = track.box.grown(by: track.box.height / 4)
        let change = difference.measure(slots[index].region)
        // In place: a copy of the slot would share its samples and copy them on the write.
        guard let rest = advance(&slots[index], track, change, milliseconds: milliseconds),
              case .reported(let region, _, _) = slots[index].phase else { return nil }
        // Other tracks on the same person (fragments, the ghost of where they stood) saw the
        // same fall: one fall, one event.
        for other in slots.indices where other != index && slots[other].trackID != 0 {
            let theirs: Box
            switch slots[other].phase {
            case .watching: theirs = slots[other].region
            case .down(_, _, let region, _, _), .reported(let region, _, _): theirs = region
            }
            if theirs.intersectionArea(region) > 0 { slots[other].phase = slots[index].phase }
        }
        return rest
    }

    private func sample(_ slot: Slot, back: Int) -> Sample {
        slot.samples[(slot.next - 1 - back + 2 * historyLength) % historyLength]
    }

    private func advance(_ slot: inout Slot, _ track: Track, _ change: ChangeMeasure, milliseconds: Int) -> Box? {
        let p = parameters
        let seen = track.missed == 0 && !track.occluded
        slot.samples[slot.next] = Sample(milliseconds: milliseconds, pixels: change.pixels, top: change.top, bottom: change.bottom, area: track.area)
        slot.next = (slot.next + 1) % historyLength
        slot.count = min(slot.count + 1, historyLength)
        let moving = change.pixels >= minimumMoving

        switch slot.phase {
        case .watching:
            guard seen && !moving, let (level, span) = descent(in: slot, now: milliseconds, area: track.area) else { return nil }
            slot.phase = .down(since: milliseconds, box: track.box, region: slot.region, level: level, span: span)
            return nil
        case .down(let since, let held, let region, let level, let span):
            if moving && rose(change, above: level, span: span) {
                slot.phase = .watching  // got up again before the confirmation: no alarm
                return nil
            }
            let box = seen ? track.box : held
            guard milliseconds - since >= p.confirmMilliseconds else {
                slot.phase = .down(since: since, box: box, region: region, level: level, span: span)
                return nil
            }
            slot.phase = .reported(region: region, level: level, span: span)
            return box
        case .reported(_, let level, let span):
            // Re-armed once the person is up again: one fall, one event.
            if moving && rose(change, above: level, span: span) { slot.phase = .watching }
            return nil
        }
    }

    private func rose(_ change: ChangeMeasure, above level: Int, span: Int) -> Bool {
        (level - change.top) * 100 > span * parameters.risePercent
    }

    /// Whether the movement that just stopped was a fall: the last moving frame (the landing)
    /// came shortly before now, and within the transition time before it the top of the
    /// movement came down by `topDropPercent` of the height the movement spanned while its
    /// bottom stayed, at least half as much less: a body collapsing onto where it stood, not
    /// something moving down the picture (a car, someone walking towards the camera).
    /// The landing must lie where the track is now: a track whose box jumped (a fragment, a
    /// ghost) may have seen someone else's movement. Returns the landing's top and the span.
    private func descent(in slot: Slot, now: Int, area: Int) -> (level: Int, span: Int)? {
        let p = parameters
        var back = 0
        while back < slot.count && sample(slot, back: back).pixels < minimumMoving { back += 1 }
        guard back < slot.count else { return nil }
        let landing = sample(slot, back: back)
        guard now - landing.milliseconds <= p.landingMilliseconds,
              landing.top >= slot.region.minY && landing.bottom <= slot.region.maxY else { return nil }
        // The moving frames of the transition window, newest first: how high and how low the
        // movement reached.
        var last = back, highest = landing.top, lowest = landing.bottom, largest = area
        for index in back..<slot.count {
            let s = sample(slot, back: index)
            if landing.milliseconds - s.milliseconds > p.transitionMilliseconds { break }
            guard s.pixels >= minimumMoving else { continue }
            last = index
            highest = min(highest, s.top)
            largest = max(largest, s.area)
            lowest = max(lowest, s.bottom)
        }
        // Where the movement began: the highest top and lowest bottom in the oldest third.
        var startTop = landing.top, startBottom = 0
        for index in (last - (last - back) / 3)...last {
            let s = sample(slot, back: index)
            if s.pixels >= minimumMoving {
                startTop = min(startTop, s.top)
                startBottom = max(startBottom, s.bottom)
            }
        }
        let span = lowest - highest
        let topDrop = landing.top - startTop, bottomDrop = landing.bottom - startBottom
        guard span >= p.minimumSpan, topDrop * 100 >= span * p.topDropPercent, bottomDrop * 2 <= topDrop,
              area * 100 >= largest * p.keptAreaPercent else { return nil }
        return (landing.top, span)
    }
}
