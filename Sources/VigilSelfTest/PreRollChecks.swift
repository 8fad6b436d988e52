import VigilEvidence

/// A frame whose bytes all carry its index, `size` long.
private func payload(_ index: Int, size: Int) -> [UInt8] { [UInt8](repeating: UInt8(truncatingIfNeeded: index), count: size) }

private func feed(_ recorder: EventRecorder<MemoryClipSink>, frames: Range<Int>, active: (Int) -> Bool) {
    for index in frames {
        payload(index, size: 10).withUnsafeBytes { recorder.frame($0, frameIndex: index, milliseconds: index * 100, eventActive: active(index)) }
    }
}

let preRollChecks: [SelfCheck] = [
    SelfCheck("preroll.ring-evicts-oldest-by-bytes-and-count") { r in
        let ring = PreEventRing(capacityBytes: 1000, maximumFrames: 8)
        for index in 0..<10 { payload(index, size: 300).withUnsafeBytes { _ = ring.append($0, frameIndex: index, milliseconds: index) } }
        var kept: [Int] = []
        ring.drain { entry, bytes in kept.append(entry.frameIndex); r.expect(bytes.allSatisfy { $0 == UInt8(entry.frameIndex) }, "frame \(entry.frameIndex) intact") }
        r.expect(kept == [7, 8, 9], "three 300-byte frames fit in 1000 bytes, the newest (\(kept))")
        r.expect(ring.count == 0 && ring.oldest == nil, "drain empties the ring")
        for index in 0..<20 { payload(index, size: 10).withUnsafeBytes { _ = ring.append($0, frameIndex: index, milliseconds: index) } }
        r.expect(ring.count == 8 && ring.oldest?.frameIndex == 12, "at most maximumFrames frames")
        r.expect(!payload(0, size: 1001).withUnsafeBytes { ring.append($0, frameIndex: 99, milliseconds: 99) } && ring.oversized == 1, "a frame larger than the arena is refused and counted")
    },
    SelfCheck("preroll.ring-keeps-frames-intact-across-wraps") { r in
        let ring = PreEventRing(capacityBytes: 997, maximumFrames: 64)
        var sizes: [Int] = []
        var seed: UInt32 = 12345
        for index in 0..<500 {
            seed = seed &* 1_103_515_245 &+ 12345
            let size = Int(seed >> 16) % 300 + 1
            sizes.append(size)
            payload(index, size: size).withUnsafeBytes { _ = ring.append($0, frameIndex: index, milliseconds: index) }
            if index % 37 == 0 {
                var expected = ring.oldest?.frameIndex ?? 0
                var bytes = 0
                ring.drain { entry, stored in
                    r.expect(entry.frameIndex == expected, "frames in order")
                    r.expect(stored.count == sizes[entry.frameIndex] && stored.allSatisfy { $0 == UInt8(truncatingIfNeeded: entry.frameIndex) }, "frame \(entry.frameIndex) intact")
                    expected += 1
                    bytes += stored.count
                }
                r.expect(expected == index + 1, "the newest frame is always kept")
                r.expect(bytes <= 997, "never more than the arena")
            }
        }
    },
    SelfCheck("preroll.event-gets-pre-roll-live-and-post-roll") { r in
        let sink = MemoryClipSink()
        let recorder = EventRecorder(ring: PreEventRing(capacityBytes: 100_000, maximumFrames: 100), sink: sink,
                                     preRollMilliseconds: 2000, postRollMilliseconds: 1000)
        feed(recorder, frames: 0..<100) { (50..<60).contains($0) }
        r.expect(sink.clips.count == 1, "one clip")
        guard let clip = sink.clips.first else { return }
        r.expect(clip.firstFrame == 29 && clip.frames.first == 29, "2 s of pre-roll at 10 fps: from frame 29 (\(clip.firstFrame))")
        r.expect(clip.frames == Array(29...70), "pre-roll, the event, 1 s of post-roll, no gap")
        r.expect(clip.lastFrame == 70 && !recorder.isRecording, "closed after the post-roll")
        r.expect(clip.payloads[0] == payload(29, size: 10), "pre-roll bytes are the frames' own")
    },
    SelfCheck("preroll.event-during-post-roll-extends-the-clip") { r in
        let sink = MemoryClipSink()
        let recorder = EventRecorder(ring: PreEventRing(capacityBytes: 100_000, maximumFrames: 100), sink: sink,
                                     preRollMilliseconds: 500, postRollMilliseconds: 1000)
        feed(recorder, frames: 0..<40) { (10..<12).contains($0) || (18..<20).contains($0) }
        r.expect(sink.clips.count == 1 && sink.clips.first?.frames == Array(4...30), "one clip from 4 (0.5 s before frame 9) to 30 (\(sink.clips.first?.frames ?? []))")
        feed(recorder, frames: 40..<45) { $0 >= 43 }
        recorder.finish(atFrame: 44)
        r.expect(sink.clips.count == 2 && sink.clips.last?.lastFrame == 44, "finish closes an open clip")
        r.expect(sink.clips.last?.frames == Array(37...44), "the second clip's pre-roll starts after the first clip")
    },
]
