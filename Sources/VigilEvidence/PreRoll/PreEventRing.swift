/// Where a stored frame sits in the ring's arena, and when it was taken.
public struct RingEntry: Equatable, Sendable {
    public let frameIndex: Int
    public let milliseconds: Int
    let offset: Int
    public let length: Int
}

/// A fixed-memory buffer of the last seconds of encoded frames, kept so that a clip can start
/// before the event that triggered it. Frames are stored whole and contiguous in one arena;
/// the oldest are overwritten; nothing is allocated after `init`.
public final class PreEventRing {
    public let capacityBytes: Int
    public let maximumFrames: Int
    private let arena: UnsafeMutableRawBufferPointer
    private var entries: [RingEntry]
    private var first = 0
    public private(set) var count = 0
    /// Frames refused because one alone is larger than the arena.
    public private(set) var oversized = 0

    public init(capacityBytes: Int, maximumFrames: Int) {
        precondition(capacityBytes > 0 && maximumFrames > 0)
        self.capacityBytes = capacityBytes
        self.maximumFrames = maximumFrames
        arena = .allocate(byteCount: capacityBytes, alignment: 16)
        entries = [RingEntry](repeating: RingEntry(frameIndex: 0, milliseconds: 0, offset: 0, length: 0), count: maximumFrames)
    }

    deinit { arena.deallocate() }

    private func entry(_ position: Int) -> RingEntry { entries[(first + position) % maximumFrames] }

    /// Stores a frame, evicting the oldest ones until it fits. Returns false (and counts it)
    /// when the frame is larger than the whole arena.
    @discardableResult
    public func append(_ bytes: UnsafeRawBufferPointer, frameIndex: Int, milliseconds: Int) -> Bool {
        guard bytes.count <= capacityBytes else {
            oversized += 1
            return false
        }
        let at = placementEvictingOldest(for: bytes.count)
        if bytes.count > 0 {
            (arena.baseAddress! + at).copyMemory(from: bytes.baseAddress!, byteCount: bytes.count)
        }
        entries[(first + count) % maximumFrames] = RingEntry(frameIndex: frameIndex, milliseconds: milliseconds, offset: at, length: bytes.count)
        count += 1
        return true
    }

    /// Where `length` bytes can go without touching a stored frame, or nil if the oldest must go.
    /// Unwrapped, the frames occupy [oldest, end of newest): free space is after them, then
    /// before them (wrapping to 0). Wrapped, the only free space is between newest and oldest.
    private func placement(for length: Int) -> Int? {
        guard count > 0 else { return 0 }
        guard count < maximumFrames else { return nil }
        let oldest = entry(0).offset
        let newest = entry(count - 1)
        let end = newest.offset + newest.length
        if newest.offset >= oldest {
            if end + length <= capacityBytes { return end }
            return length <= oldest ? 0 : nil
        }
        return end + length <= oldest ? end : nil
    }

    private func placementEvictingOldest(for length: Int) -> Int {
        while true {
            if let offset = placement(for: length) { return offset }
            dropOldest()  // an empty ring always places at 0, so this ends
        }
    }

    private func dropOldest() {
        first = (first + 1) % maximumFrames
        count -= 1
    }

    /// Drops frames taken before `milliseconds`: the pre-roll keeps only its configured seconds.
    public func dropFrames(before milliseconds: Int) {
        while count > 0 && entry(0).milliseconds < milliseconds { dropOldest() }
    }

    /// Lends every stored frame to `body`, oldest first, then empties the ring.
    public func drain(_ body: (RingEntry, UnsafeRawBufferPointer) -> Void) {
        for position in 0..<count {
            let stored = entry(position)
            body(stored, UnsafeRawBufferPointer(rebasing: UnsafeRawBufferPointer(arena)[stored.offset..<(stored.offset + stored.length)]))
        }
        count = 0
        first = 0
    }

    public var oldest: RingEntry? { count > 0 ? entry(0) : nil }
}
