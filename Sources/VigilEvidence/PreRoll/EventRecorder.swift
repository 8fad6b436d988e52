/// Receives the frames of one event clip: the pre-roll first, then live frames, then the
/// post-roll. The clip writer is one; tests use `MemoryClipSink`.
public protocol ClipSink: AnyObject {
    func beginClip(atFrame frameIndex: Int, milliseconds: Int)
    func write(frameIndex: Int, milliseconds: Int, bytes: UnsafeRawBufferPointer)
    func endClip(atFrame frameIndex: Int)
}

/// Between events, frames go into the pre-event ring; when an event starts, the ring's
/// frames and then the live ones go to the sink until the event has been over for the
/// post-roll. An event that starts again during the post-roll extends the same clip.
public final class EventRecorder<Sink: ClipSink> {
    public let ring: PreEventRing
    public let sink: Sink
    public let preRollMilliseconds: Int
    public let postRollMilliseconds: Int
    private enum State { case idle, recording(postRollEnds: Int?) }
    private var state = State.idle

    public init(ring: PreEventRing, sink: Sink, preRollMilliseconds: Int, postRollMilliseconds: Int) {
        self.ring = ring
        self.sink = sink
        self.preRollMilliseconds = preRollMilliseconds
        self.postRollMilliseconds = postRollMilliseconds
    }

    public var isRecording: Bool {
        if case .recording = state { return true }
        return false
    }

    /// One encoded frame; `eventActive` says whether an event is under way at this frame.
    public func frame(_ bytes: UnsafeRawBufferPointer, frameIndex: Int, milliseconds: Int, eventActive: Bool) {
        switch state {
        case .idle:
            guard eventActive else {
                ring.append(bytes, frameIndex: frameIndex, milliseconds: milliseconds)
                ring.dropFrames(before: milliseconds - preRollMilliseconds)
                return
            }
            sink.beginClip(atFrame: ring.oldest?.frameIndex ?? frameIndex, milliseconds: ring.oldest?.milliseconds ?? milliseconds)
            ring.drain { entry, stored in sink.write(frameIndex: entry.frameIndex, milliseconds: entry.milliseconds, bytes: stored) }
            sink.write(frameIndex: frameIndex, milliseconds: milliseconds, bytes: bytes)
            state = .recording(postRollEnds: nil)
        case .recording(let postRollEnds):
            sink.write(frameIndex: frameIndex, milliseconds: milliseconds, bytes: bytes)
            if eventActive {
                state = .recording(postRollEnds: nil)
            } else {
                let ends = postRollEnds ?? milliseconds + postRollMilliseconds
                if milliseconds >= ends {
                    sink.endClip(atFrame: frameIndex)
                    state = .idle
                } else {
                    state = .recording(postRollEnds: ends)
                }
            }
        }
    }

    /// Closes an open clip (shutdown, camera lost) at the last frame written.
    public func finish(atFrame frameIndex: Int) {
        if case .recording = state {
            sink.endClip(atFrame: frameIndex)
            state = .idle
        }
    }
}

/// A sink that keeps clips in memory, for tests.
public final class MemoryClipSink: ClipSink {
    public struct Clip: Equatable {
        public var firstFrame: Int
        public var frames: [Int] = []
        public var payloads: [[UInt8]] = []
        public var lastFrame: Int? = nil
    }
    public private(set) var clips: [Clip] = []

    public init() {}

    public func beginClip(atFrame frameIndex: Int, milliseconds: Int) { clips.append(Clip(firstFrame: frameIndex)) }

    public func write(frameIndex: Int, milliseconds: Int, bytes: UnsafeRawBufferPointer) {
        clips[clips.count - 1].frames.append(frameIndex)
        clips[clips.count - 1].payloads.append(Array(bytes))
    }

    public func endClip(atFrame frameIndex: Int) { clips[clips.count - 1].lastFrame = frameIndex }
}
