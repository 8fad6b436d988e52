import VigilCore

/// A tracked person as redaction sees them: the track's id and box in full-frame pixels.
public struct TrackedPerson: Equatable, Sendable {
    public var id: Int
    public var box: Box

    public init(id: Int, box: Box) {
        self.id = id
        self.box = box
    }
}

/// The faces redaction keeps covering after the detector last saw them: a detector blinks (a
/// turned head, motion blur, a frame without a full sweep), and a face must not flash
/// unredacted then. A face found on a tracked person moves with that person while it is held.
final class FaceMemory {
    struct Face {
        /// Where it is now: where it was seen, moved with its person since.
        var box: Box
        /// Where the detector saw it last. A track's box can jump (its motion mask grows a
        /// torso or loses a head), so a held face is covered both where it was seen and where
        /// its person carried it: `extent`.
        var seen: Box
        /// The person it was found on (0: none), and where on their box.
        var trackID: Int
        var offsetX: Int, offsetY: Int
        /// Frames since the detector last saw it.
        var age: Int

        var extent: Box { box.union(seen) }
    }
    let holdFrames: Int
    private let capacity: Int
    private(set) var faces: [Face] = []

    init(holdFrames: Int, capacity: Int = 64) {
        self.holdFrames = holdFrames
        self.capacity = capacity
        faces.reserveCapacity(capacity)
    }

    /// Takes this frame's detections and people: a detection refreshes the held face it
    /// overlaps or adds one; held faces follow their person; faces unseen too long go.
    func update(detected: [FaceBox], people: [TrackedPerson]) {
        for index in faces.indices {
            faces[index].age += 1
            guard let person = people.first(where: { $0.id == faces[index].trackID }) else { continue }
            let size = faces[index].box
            faces[index].box = size.offset(dx: person.box.minX + faces[index].offsetX - size.minX,
                                           dy: person.box.minY + faces[index].offsetY - size.minY)
        }
        for detection in detected {
            let box = Box(minX: detection.x, minY: detection.y, maxX: detection.x + detection.width - 1, maxY: detection.y + detection.height - 1)
            let centreX = (box.minX + box.maxX) / 2, centreY = (box.minY + box.maxY) / 2
            let person = people.first { centreX >= $0.box.minX && centreX <= $0.box.maxX && centreY >= $0.box.minY && centreY <= $0.box.maxY }
            let face = Face(box: box, seen: box, trackID: person?.id ?? 0, offsetX: box.minX - (person?.box.minX ?? 0),
                            offsetY: box.minY - (person?.box.minY ?? 0), age: 0)
            // A detection refreshes a face held from an earlier frame; detections of this frame
            // never replace each other (a still's several passes find overlapping boxes).
            if let same = faces.firstIndex(where: { $0.age > 0 && $0.box.intersectionArea(box) > 0 }) {
                faces[same] = face
            } else if faces.count < capacity {
                faces.append(face)
            } else if let oldest = faces.indices.max(by: { faces[$0].age < faces[$1].age }) {
                faces[oldest] = face
            }
        }
        faces.removeAll { $0.age > holdFrames }
    }
}
