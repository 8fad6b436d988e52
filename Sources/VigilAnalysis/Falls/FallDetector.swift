/// Tuning of the fall / person-down detector. All thresholds are relative to the person's own
/// upright height, so they do not depend on the camera's distance or resolution.
public struct FallParameters: Equatable, Sendable {
    /// The drop must happen within this time: a fall is fast, sitting or lying down is slower.
    public var transitionMilliseconds = 1500
    /// Height afterwards at most this share (percent) of the upright height.
    public var fallenHeightPercent = 60
    /// The top of the box must come down by at least this share of the upright height.
    public var topDropPercent = 35
    /// Lying: the box at least this wide relative to its height (percent), or the major axis
    /// within `lyingAxisDegrees` of horizontal.
    public var lyingAspectPercent = 80
    public var lyingAxisDegrees = 40
    /// The person must stay down this long before the event (Debard et al.: what keeps
    /// false alarms down), and counts as up again above `recoveredHeightPercent`.
    public var confirmMilliseconds = 2000
    public var recoveredHeightPercent = 80
    /// Upright means taller than wide by this share (percent): the reference for a fall.
    public var uprightAspectPercent = 120
    /// A fallen body keeps about its silhouette's area; a track shrunk below this share
    /// (percent) of its upright area has lost most of its person (a still person fading into
    /// the background, a hand left moving), which is no fall.
    public var keptAreaPercent = 40

    public init() {}
}

/// Watches each track's silhouette over time for a fall: a fast loss of height with the top
/// of the box coming down, ending lying, then staying down for the confirmation time.
public final class FallDetector {
    public let parameters: FallParameters
    /// Samples of the last seconds per track slot, in a fixed ring.
    private struct Sample { var milliseconds = 0, top = 0, height = 0, area = 0, upright = false }
    private enum Phase: Equatable { case watching, down(sinceMilliseconds: Int, uprightHeight: Int), reported(uprightHeight: Int, recoveredSince: Int?) }
    private struct Slot {
        var trackID = 0
        var samples: [Sample]
        var next = 0
        var count = 0
        var phase = Phase.watching
    }
    private var slots: [Slot]
    private let historyLength: Int

    public init(capacity: Int = 16, historyLength: Int = 64, parameters: FallParameters = FallParameters()) {
        self.parameters = parameters
        self.historyLength = historyLength
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

    /// Feeds one observation of a track; returns true exactly once per confirmed fall.
    public func observe(_ track: Track, milliseconds: Int) -> Bool {
        // In place: a copy of the slot would share its samples and copy them on the write.
        advance(&slots[slotIndex(for: track.id)], track, milliseconds: milliseconds)
    }

    private func advance(_ slot: inout Slot, _ track: Track, milliseconds: Int) -> Bool {
        let p = parameters
        let box = track.box
        let upright = box.height * 100 >= box.width * p.uprightAspectPercent
        slot.samples[slot.next] = Sample(milliseconds: milliseconds, top: box.minY, height: box.height, area: track.area, upright: upright)
        slot.next = (slot.next + 1) % historyLength
        slot.count = min(slot.count + 1, historyLength)

        switch slot.phase {
        case .watching:
            // The tallest upright sample within the transition window is the reference.
            var reference: Sample? = nil
            for back in 1..<slot.count {
                let sample = slot.samples[(slot.next - 1 - back + historyLength) % historyLength]
                if milliseconds - sample.milliseconds > p.transitionMilliseconds { break }
                if sample.upright && sample.height > (reference?.height ?? 0) { reference = sample }
            }
            guard let reference else { return false }
            let lowEnough = box.height * 100 <= reference.height * p.fallenHeightPercent
            let topCameDown = (box.minY - reference.top) * 100 >= reference.height * p.topDropPercent
            let axis = track.orientationDegrees
            let lying = box.width * 100 >= box.height * p.lyingAspectPercent
                || axis <= p.lyingAxisDegrees || axis >= 180 - p.lyingAxisDegrees
            let bodyKept = track.area * 100 >= reference.area * p.keptAreaPercent
            if lowEnough && topCameDown && lying && bodyKept {
                slot.phase = .down(sinceMilliseconds: milliseconds, uprightHeight: reference.height)
            }
            return false
        case .down(let since, let uprightHeight):
            if box.height * 100 >= uprightHeight * p.recoveredHeightPercent {
                slot.phase = .watching  // got up again before the confirmation: no alarm
                return false
            }
            guard milliseconds - since >= p.confirmMilliseconds else { return false }
            slot.phase = .reported(uprightHeight: uprightHeight, recoveredSince: nil)
            return true
        case .reported(let uprightHeight, let recoveredSince):
            // Re-armed only after standing for a second: one fall, one event.
            let standing = box.height * 100 >= uprightHeight * p.recoveredHeightPercent
            if !standing {
                slot.phase = .reported(uprightHeight: uprightHeight, recoveredSince: nil)
            } else if let recoveredSince {
                if milliseconds - recoveredSince >= 1000 { slot.phase = .watching }
            } else {
                slot.phase = .reported(uprightHeight: uprightHeight, recoveredSince: milliseconds)
            }
            return false
        }
    }
}
