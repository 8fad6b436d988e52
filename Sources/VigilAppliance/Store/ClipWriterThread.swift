import VigilDevices
import VigilEvidence

/// The clip writer on its own thread, behind a bounded queue: capture hands each frame of a
/// clip over by copying it in and goes on, so a flash stall (fsync, wear levelling, a full
/// disk being cleared) never holds up capture. When the queue is full the frame is dropped
/// and counted: a clip may lose frames under a stall, but capture never waits.
public final class ClipWriterThread: ClipSink {
    private enum Work {
        case begin(kind: EventKind, frameIndex: Int, milliseconds: Int)
        case frame(frameIndex: Int, milliseconds: Int, bytes: [UInt8])
        case end(frameIndex: Int)
    }

    /// What the writer has done, copied out under the lock for the status report.
    public struct Progress: Sendable {
        public var queuedFrames = 0
        public var queuedBytes = 0
        public var peakQueuedBytes = 0
        public var framesWritten = 0
        public var framesDropped = 0
        public var clipsClosed = 0
        public var clipsEvicted = 0
        public var lastClip: String? = nil
        public var failure: String? = nil
        public var writing = false
    }

    public let capacityBytes: Int
    /// The kind of the event a clip is for; read when the recorder begins one.
    public var eventKind = EventKind.unknown
    private let sink: StoreClipSink
    private let worker = WorkerThread()
    // Guarded by `worker.locked`.
    private var queue: [Work] = []
    private var head = 0
    private var progress = Progress()
    private var enqueued = 0
    private var finished = 0

    public init(sink: StoreClipSink, capacityBytes: Int) {
        self.sink = sink
        self.capacityBytes = capacityBytes
    }

    /// Starts the writer thread. It holds the object until `stop` has joined it.
    public func start() -> Bool { worker.start { self.drain() } }

    /// Lets the writer finish what is queued (closing the clip, if the recorder ended it), then joins it.
    public func stop() { worker.stop() }

    /// Waits until the writer has done everything queued so far (tests, shutdown).
    public func waitUntilIdle() {
        worker.locked {
            while finished < enqueued { worker.waitForChange() }
        }
    }

    public var snapshot: Progress { worker.locked { progress } }

    public func beginClip(atFrame frameIndex: Int, milliseconds: Int) {
        enqueue(.begin(kind: eventKind, frameIndex: frameIndex, milliseconds: milliseconds), bytes: 0)
    }

    public func write(frameIndex: Int, milliseconds: Int, bytes: UnsafeRawBufferPointer) {
        let fits = worker.locked { progress.queuedBytes + bytes.count <= capacityBytes }
        guard fits else {
            worker.locked { progress.framesDropped += 1 }
            return
        }
        enqueue(.frame(frameIndex: frameIndex, milliseconds: milliseconds, bytes: Array(bytes)), bytes: bytes.count)
    }

    public func endClip(atFrame frameIndex: Int) { enqueue(.end(frameIndex: frameIndex), bytes: 0) }

    private func enqueue(_ work: Work, bytes: Int) {
        worker.locked {
            queue.append(work)
            enqueued += 1
            progress.queuedFrames += bytes > 0 ? 1 : 0
            progress.queuedBytes += bytes
            progress.peakQueuedBytes = max(progress.peakQueuedBytes, progress.queuedBytes)
            worker.announceChange()
        }
    }

    /// The writer thread: takes work in order and hands it to the store.
    private func drain() {
        while true {
            let next: Work? = worker.locked {
                while head == queue.count && !worker.isStopping { worker.waitForChange() }
                if head == queue.count { return nil }
                let work = queue[head]
                head += 1
                if head == queue.count {
                    queue.removeAll(keepingCapacity: true)
                    head = 0
                }
                return work
            }
            guard let work = next else { return }
            var written = 0
            switch work {
            case .begin(let kind, let frameIndex, let milliseconds):
                sink.eventKind = kind
                sink.beginClip(atFrame: frameIndex, milliseconds: milliseconds)
            case .frame(let frameIndex, let milliseconds, let bytes):
                bytes.withUnsafeBytes { sink.write(frameIndex: frameIndex, milliseconds: milliseconds, bytes: $0) }
                written = bytes.count
            case .end(let frameIndex):
                sink.endClip(atFrame: frameIndex)
            }
            let store = sink.store
            let closed = store.closedPaths.count, evicted = store.evicted.count, last = store.closedPaths.last
            let failure = sink.failure?.message
            worker.locked {
                if written > 0 {
                    progress.queuedFrames -= 1
                    progress.queuedBytes -= written
                    progress.framesWritten += 1
                }
                switch work {
                case .begin: progress.writing = true
                case .end: progress.writing = false
                case .frame: break
                }
                progress.clipsClosed = closed
                progress.clipsEvicted = evicted
                progress.lastClip = last
                progress.failure = failure
                finished += 1
                worker.announceChange()
            }
        }
    }
}
