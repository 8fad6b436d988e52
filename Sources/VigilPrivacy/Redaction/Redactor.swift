import VigilCore

/// One region that redaction pixelated, in full-frame pixels, and why.
public struct RedactedRegion: Equatable, Sendable {
    public enum Kind: Equatable, Sendable {
        case face, head, person, mask

        public var name: String {
            switch self {
            case .face: "face"
            case .head: "head"
            case .person: "person"
            case .mask: "mask"
            }
        }
    }
    public let kind: Kind
    public let box: Box

    public init(kind: Kind, box: Box) {
        self.kind = kind
        self.box = box
    }
}

/// Turns raw frames into redacted ones, in place: the regions its policy names (faces, the
/// head zones or whole silhouettes of tracked people, static masks) become a block mosaic
/// coarse enough that upscaling cannot bring a face back: blocks of half a face's width, of an
/// eighth of a person's, and never under 8 pixels.
public final class Redactor {
    public let policy: RedactionPolicy
    public let width: Int
    public let height: Int
    private let memory: FaceMemory
    /// The mask's blocks, found once: painting them is all a mask costs per frame (and what
    /// the analysis pixelates in what it sees); and the box around them all, which `regions` reports.
    public let maskAreas: [PixelatedArea]
    private let maskExtent: Box?
    /// The regions pixelated in the last frame.
    public private(set) var regions: [RedactedRegion] = []
    /// The mosaics painted over faces in the last frame, with their blocks: where the next
    /// search looks first, and what the analysis forgets of them.
    public private(set) var faceAreas: [PixelatedArea] = []

    public static let minimumBlock = 8
    static let maskBlock = 16

    /// `masks`, if any, is a plane of the frame's size, non-zero where the configuration's
    /// mask polygons lie. Faces are held `holdFrames` after the detector last saw them.
    public init(width: Int, height: Int, policy: RedactionPolicy = RedactionPolicy(), holdFrames: Int = 15, masks: Plane? = nil) {
        self.width = width
        self.height = height
        self.policy = policy
        memory = FaceMemory(holdFrames: holdFrames)
        var areas: [PixelatedArea] = []
        if let masks, policy.masks {
            precondition(masks.width == width && masks.height == height)
            areas = Redactor.maskAreas(of: masks)
        }
        maskAreas = areas
        maskExtent = areas.first.map { first in areas.reduce(first.box) { $0.union($1.box) } }
        regions.reserveCapacity(256)
        faceAreas.reserveCapacity(64)
    }

    /// The blocks of the mosaic grid that `masks` (non-zero inside the mask polygons) touches.
    public static func maskAreas(of masks: Plane) -> [PixelatedArea] {
        var areas: [PixelatedArea] = []
        let step = Redactor.maskBlock, width = masks.width, height = masks.height
        for top in stride(from: 0, to: height, by: step) {
            for left in stride(from: 0, to: width, by: step) {
                let block = Box(minX: left, minY: top, maxX: min(width, left + step) - 1, maxY: min(height, top + step) - 1)
                if (block.minY...block.maxY).contains(where: { masks.row($0)[block.minX...block.maxX].contains { $0 != 0 } }) {
                    areas.append(PixelatedArea(box: block, block: step))
                }
            }
        }
        return areas
    }

    /// Pixelates what the policy covers, given this frame's face detections and tracked
    /// people (full-frame pixels), and hands the frame on as redacted. `regions` then lists
    /// what was covered.
    public func redact(_ raw: consuming RawFrame, faces: [FaceBox], people: [TrackedPerson]) -> RedactedFrame {
        precondition(raw.width == width && raw.height == height)
        let frame = raw.frame
        regions.removeAll(keepingCapacity: true)
        faceAreas.removeAll(keepingCapacity: true)
        if policy.faces {
            memory.update(detected: faces, people: people)
            for face in memory.faces {
                // A margin of a quarter of the face on every side: hair, ears, chin.
                // Blocks of half the face: in blocks of an eighth or a quarter, OpenCV's Haar
                // detector still finds faces on the PASCAL photos (scripts/redaction-coverage.py).
                cover(.face, face.extent.grown(by: max(2, face.box.width / 4)), block: face.box.width / 2, in: frame)
            }
        }
        for person in people {
            let box = person.box
            if policy.persons {
                cover(.person, box.grown(by: max(2, box.width / 8)), block: box.width / 8, in: frame)
            } else if policy.heads {
                cover(.head, Redactor.headZone(of: box), block: box.width / 8, in: frame)
            }
        }
        for area in maskAreas {
            Mosaic.paint(area.box, blockSize: area.block, in: frame)
        }
        if let maskExtent { regions.append(RedactedRegion(kind: .mask, box: maskExtent)) }
        return RedactedFrame(redacted: frame)
    }

    /// Paints `box` in blocks of `block` pixels (never under the minimum) and notes it.
    private func cover(_ kind: RedactedRegion.Kind, _ box: Box, block: Int, in frame: Frame) {
        guard let clipped = box.clipped(width: width, height: height) else { return }
        let area = PixelatedArea(box: clipped, block: max(Redactor.minimumBlock, block))
        Mosaic.paint(area.box, blockSize: area.block, in: frame)
        regions.append(RedactedRegion(kind: kind, box: clipped))
        if kind == .face { faceAreas.append(area) }
    }

    /// Where the head of a tracked person is: the top of an upright box (a head is about an
    /// eighth of a body's height; a quarter allows for a box that includes raised arms or
    /// misses the feet; one and a half widths for someone close, whose box is head and
    /// shoulders and may start at the top of the hair: carphone's face ends 1.2 widths down),
    /// widened by a quarter each side; the whole box of someone lying or crouching, whose head
    /// may be at either end.
    static func headZone(of box: Box) -> Box {
        guard box.height > box.width else { return box.grown(by: max(2, box.width / 8)) }
        let margin = max(2, box.width / 4)
        let depth = min(box.height, max(box.height / 4, box.width * 3 / 2))
        return Box(minX: box.minX - margin, minY: box.minY - margin, maxX: box.maxX + margin, maxY: box.minY + depth)
    }
}
