import VigilCore

/// Tuning of the fall / person-down detector. Lengths are relative to the height the person's
/// movement spans, so they do not depend on the camera's distance or resolution.
public struct FallParameters: Equatable, Sendable {
    /// The descent must happen within this time: a fall is fast, lying down is slower.
    public var transitionMilliseconds = 2000
    /// The top of the moving body must come down by at least this share (percent) of the
    /// height its movement spanned: a head that drops from standing height to the floor.
    public var topDropPercent = 45
    /// A person moves when at least this many pixels per 1000 of the analysed frame changed
    /// around their track; less is breathing, a hand, noise. It is a share of the picture,
    /// not of the track, whose area the background model gets wrong (ghosts, a person
    /// fading); so a falling person must change about 0.4 % of the picture: someone about a
    /// fifth of its height. Cameras that see people smaller lower it (`fall_motion_permille`).
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
    /// The change measured in one frame, in a fixed ring per track slot. Only frames in which
    /// the track was seen tell of its movement: a held track's box coasts, or jumps to
    /// whatever blob it meets next, and what changed there may be someone else.
    private struct Sample {
        var milliseconds = 0, pixels = 0, top = 0, bottom = 0, area = 0
        var seen = false
    }
    private enum Phase: Equatable {
        case watching
        /// At rest since `since` in `box` (the track's box when last seen), with the top of
        /// the last movement at `level`; `span` is the height the fall's movement covered.
        case down(since: Int, box: Box, level: Int, span: Int)
        case reported(level: Int, span: Int)
    }
    private struct Slot {
        var trackID = 0
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
    /// of the foreground, and that is the confirmation, not the end of them.
    public func observe(_ track: Track, in difference: FrameDifference, milliseconds: Int) -> Box? {
        let index = slotIndex(for: track.id)
        // A little around the box, which lags behind fast movement.
        let change = difference.measure(track.box.grown(by: track.box.height / 4))
        // In place: a copy of the slot would share its samples and copy them on the write.
        return advance(&slots[index], track, change, milliseconds: milliseconds)
    }

    private func sample(_ slot: Slot, back: Int) -> Sample {
        slot.samples[(slot.next - 1 - back + 2 * historyLength) % historyLength]
    }

    /// Whether the track itself was seen moving in that frame.
    private func moved(_ sample: Sample) -> Bool { sample.seen && sample.pixels >= minimumMoving }

    private func advance(_ slot: inout Slot, _ track: Track, _ change: ChangeMeasure, milliseconds: Int) -> Box? {
        let p = parameters
        let seen = track.missed == 0 && !track.occluded
        slot.samples[slot.next] = Sample(milliseconds: milliseconds, pixels: change.pixels, top: change.top, bottom: change.bottom,
                                        area: track.area, seen: seen)
        slot.next = (slot.next + 1) % historyLength
        slot.count = min(slot.count + 1, historyLength)
        let moving = change.pixels >= minimumMoving

        switch slot.phase {
        case .watching:
            guard !moving, let (level, span) = descent(in: slot, area: track.area) else { return nil }
            slot.phase = .down(since: milliseconds, box: track.box, level: level, span: span)
            return nil
        case .down(let since, let held, let level, let span):
            if moving && rose(change, above: level, span: span) {
                slot.phase = .watching  // got up again before the confirmation: no alarm
                return nil
            }
            let box = seen ? track.box : held
            guard milliseconds - since >= p.confirmMilliseconds else {
                slot.phase = .down(since: since, box: box, level: level, span: span)
                return nil
            }
            slot.phase = .reported(level: level, span: span)
            return box
        case .reported(let level, let span):
            // Re-armed once the person is up again: one fall, one event.
            if moving && rose(change, above: level, span: span) { slot.phase = .watching }
            return nil
        }
    }

    private func rose(_ change: ChangeMeasure, above level: Int, span: Int) -> Bool {
        (level - change.top) * 100 > span * parameters.risePercent
    }

    /// Whether the track's last movement (the landing) was a fall: within the transition time
    /// before it the top of the movement came down by `topDropPercent` of the height the
    /// movement spanned while its bottom stayed, at least half as much less: a body collapsing
    /// onto where it stood, not something moving down the picture (a car, someone walking
    /// towards the camera). `area` is the track's now. Returns the landing's top and the span.
    private func descent(in slot: Slot, area: Int) -> (level: Int, span: Int)? {
        let p = parameters
        var back = 0
        while back < slot.count && !moved(sample(slot, back: back)) { back += 1 }
        guard back < slot.count else { return nil }
        let landing = sample(slot, back: back)
        // The moving frames of the transition window, newest first: how high and how low the
        // movement reached.
        var last = back, highest = landing.top, lowest = landing.bottom, largest = area
        for index in back..<slot.count {
            let s = sample(slot, back: index)
            if landing.milliseconds - s.milliseconds > p.transitionMilliseconds { break }
            guard moved(s) else { continue }
            last = index
            highest = min(highest, s.top)
            largest = max(largest, s.area)
            lowest = max(lowest, s.bottom)
        }
        // Where the movement began: the highest top and lowest bottom in the oldest third.
        var startTop = landing.top, startBottom = 0
        for index in (last - (last - back) / 3)...last {
            let s = sample(slot, back: index)
            if moved(s) {
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
