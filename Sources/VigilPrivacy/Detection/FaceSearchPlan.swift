import VigilCore

/// Where the face detector looks in each frame of a stream, so that its cost per frame stays
/// bounded: around the tracked people and the faces held from the last frame, plus one slice
/// of a sweep over the whole frame, so that someone who stands still (and so has no track) is
/// found too, within `slices - 1` frames.
///
/// The sweep cuts the frame into `slices` bands and scans two neighbouring bands per frame, so
/// any face no taller than a band lies wholly inside one scan. Windows taller than a band are
/// scanned over the whole frame every frame: those are the pyramid's coarse levels, which cost
/// little.
public final class FaceSearchPlan {
    public let width: Int
    public let height: Int
    public let slices: Int
    /// Rows per band.
    public let band: Int
    /// The people's regions together may cover at most this many pixels; people beyond it wait
    /// for the sweep (their head zones are covered meanwhile).
    public let peopleAreaLimit: Int
    private var nextSlice = 0
    public private(set) var regions: [SearchRegion] = []

    public init(width: Int, height: Int, slices: Int = 6) {
        precondition(slices >= 2)
        self.width = width
        self.height = height
        self.slices = slices
        band = (height + slices - 1) / slices
        peopleAreaLimit = width * height / 2
        regions.reserveCapacity(64)
    }

    /// This frame's regions, given the tracked people and the faces covered in the last frame
    /// (full-frame pixels).
    public func next(people: [TrackedPerson], faces: [Box]) -> [SearchRegion] {
        regions.removeAll(keepingCapacity: true)
        let whole = Box(minX: 0, minY: 0, maxX: width - 1, maxY: height - 1)
        regions.append(SearchRegion(box: whole, minimumWindowHeight: band + 1))
        let top = nextSlice * band
        regions.append(SearchRegion(box: Box(minX: 0, minY: top, maxX: width - 1, maxY: min(height, top + 2 * band) - 1)))
        nextSlice = (nextSlice + 1) % (slices - 1)
        for face in faces { add(face.grown(by: face.width / 2), within: whole) }
        var peopleArea = 0
        for person in people {
            // A quarter of the width around the box: a head that the motion mask cut off.
            let area = person.box.grown(by: person.box.width / 4).area
            guard peopleArea + area <= peopleAreaLimit else { continue }
            peopleArea += area
            add(person.box.grown(by: person.box.width / 4), within: whole)
        }
        return regions
    }

    private func add(_ box: Box, within frame: Box) {
        let clipped = Box(minX: max(frame.minX, box.minX), minY: max(frame.minY, box.minY),
                          maxX: min(frame.maxX, box.maxX), maxY: min(frame.maxY, box.maxY))
        guard clipped.minX <= clipped.maxX && clipped.minY <= clipped.maxY else { return }
        regions.append(SearchRegion(box: clipped))
    }
}
