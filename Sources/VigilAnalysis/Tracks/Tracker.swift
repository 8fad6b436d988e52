import VigilCore

public struct TrackerParameters: Equatable, Sendable {
    /// Frames a track survives without a blob: occlusions, a person still enough to fade.
    public var maximumMissedFrames = 50
    /// Blobs smaller than this start no track (they may still feed one).
    public var minimumStartArea = 150
    /// A blob belongs to a track when it covers at least this share (percent) of the
    /// smaller of the two boxes.
    public var minimumOverlapPercent = 20
    /// Margin (pixels) around tracks in the frozen mask.
    public var frozenMargin = 4

    public init() {}
}

/// Follows blobs across frames with stable ids, in a fixed pool of tracks.
public final class Tracker {
    public let parameters: TrackerParameters
    public let capacity: Int
    public private(set) var tracks: [Track] = []
    private var nextID = 1
    // Per-frame scratch, one slot per track, allocated once: whether the track was seen, and
    // the blob (fragments merged, box included) that feeds it.
    private var fed: [Bool]
    private var matchedBlob: [Blob?]

    public init(capacity: Int = 16, parameters: TrackerParameters = TrackerParameters()) {
        self.capacity = capacity
        self.parameters = parameters
        tracks.reserveCapacity(capacity)
        fed = [Bool](repeating: false, count: capacity)
        matchedBlob = [Blob?](repeating: nil, count: capacity)
    }

    private func overlapPercent(_ a: Box, _ b: Box) -> Int {
        let smaller = min(a.area, b.area)
        return smaller > 0 ? a.intersectionArea(b) * 100 / smaller : 0
    }

    private func predicted(_ track: Track) -> Box {
        track.box.offset(dx: track.velocityX16 / 16, dy: track.velocityY16 / 16)
    }

    /// Matches this frame's blobs (largest first) to the tracks and updates them.
    public func update(_ blobs: ArraySlice<Blob>) {
        // Each blob goes to the oldest track it overlaps enough; tracks it also covers are
        // marked occluded (a merge) and held where they were.
        for index in 0..<capacity {
            fed[index] = false
            matchedBlob[index] = nil
        }
        for index in tracks.indices { tracks[index].occluded = false }
        for blob in blobs {
            let box = blob.box
            var owner: Int? = nil
            for index in tracks.indices where overlapPercent(predicted(tracks[index]), box) >= parameters.minimumOverlapPercent {
                if let current = owner {
                    if tracks[index].age > tracks[current].age { tracks[current].occluded = true; owner = index }
                    else { tracks[index].occluded = true }
                } else {
                    owner = index
                }
            }
            if let owner {
                // Fragments of one track (a split by a pole, clothes like the background) are united.
                if matchedBlob[owner] == nil { matchedBlob[owner] = blob } else { matchedBlob[owner]!.merge(blob) }
                fed[owner] = true
            } else if blob.area >= parameters.minimumStartArea && tracks.count < capacity {
                tracks.append(Track(id: nextID, box: box, centroidX16: blob.centroidX16, centroidY16: blob.centroidY16,
                                    area: blob.area, orientationDegrees: blob.orientationDegrees, elongationPercent: blob.elongationPercent))
                nextID += 1
                fed[tracks.count - 1] = true
            }
        }
        for index in tracks.indices {
            tracks[index].age += 1
            guard let blob = matchedBlob[index] else {
                if !fed[index] { coast(&tracks[index]) }
                continue
            }
            var track = tracks[index]
            let cx = blob.centroidX16, cy = blob.centroidY16
            // Velocity smoothed over about four frames, in integers.
            track.velocityX16 = (track.velocityX16 * 3 + (cx - track.centroidX16)) / 4
            track.velocityY16 = (track.velocityY16 * 3 + (cy - track.centroidY16)) / 4
            let moved = abs(cx - track.centroidX16) + abs(cy - track.centroidY16)
            track.stillFrames = moved < 16 ? track.stillFrames + 1 : 0
            track.centroidX16 = cx
            track.centroidY16 = cy
            track.box = blob.box
            track.area = blob.area
            track.orientationDegrees = blob.orientationDegrees
            track.elongationPercent = blob.elongationPercent
            track.missed = 0
            tracks[index] = track
        }
        tracks.removeAll { $0.missed > parameters.maximumMissedFrames }
    }

    /// An unseen track moves on at its last velocity, so a person walking behind a pillar is
    /// expected where they come out, not where they went in.
    private func coast(_ track: inout Track) {
        track.missed += 1
        let x = track.centroidX16 + track.velocityX16, y = track.centroidY16 + track.velocityY16
        track.box = track.box.offset(dx: x / 16 - track.centroidX16 / 16, dy: y / 16 - track.centroidY16 / 16)
        track.centroidX16 = x
        track.centroidY16 = y
    }

    /// Marks every track's box (with a margin) in `mask`, so the background model leaves
    /// tracked people alone even when they stand still.
    public func paintFrozenMask(_ mask: Plane) {
        mask.fill(0)
        for track in tracks {
            let box = track.box.grown(by: parameters.frozenMargin)
            let left = max(0, box.minX), right = min(mask.width - 1, box.maxX)
            let top = max(0, box.minY), bottom = min(mask.height - 1, box.maxY)
            guard left <= right && top <= bottom else { continue }
            for y in top...bottom { mask.row(y)[left...right].update(repeating: 255) }
        }
    }
}
