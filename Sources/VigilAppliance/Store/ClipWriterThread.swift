import CSystem
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
    private let lock = UnsafeMutablePointer<pthread_mutex_t>.allocate(capacity: 1)
    private let workArrived = UnsafeMutablePointer<pthread_cond_t>.allocate(capacity: 1)
    private let workDone = UnsafeMutablePointer<pthread_cond_t>.allocate(capacity: 1)
    private var queue: [Work] = []
    private var head = 0
    private var progress = Progress()
    private var stopping = false
    private var enqueued = 0
    private var finished = 0
    private var thread = pthread_t()
    private var running = false

    public init(sink: StoreClipSink, capacityBytes: Int) {
        self.sink = sink
        self.capacityBytes = capacityBytes
        pthread_mutex_init(lock, nil)
        pthread_cond_init(workArrived, nil)
        pthread_cond_init(workDone, nil)
    }

    deinit {
        pthread_cond_destroy(workDone)
        pthread_cond_destroy(workArrived)
        pthread_mutex_destroy(lock)
        workDone.deallocate()
        workArrived.deallocate()
        lock.deallocate()
    }

    /// Starts the writer thread. It holds the object until `stop` has joined it.
    public func start() -> Bool {
        let context = Unmanaged.passRetained(self).toOpaque()
        let status = pthread_create(&thread, nil, { raw in
            let writer = Unmanaged<ClipWriterThread>.fromOpaque(raw!).takeRetainedValue()
            writer.drain()
            return nil
        }, context)
        if status != 0 {
            Unmanaged<ClipWriterThread>.fromOpaque(context).release()
            return false
        }
        running = true
        return true
    }

    /// Lets the writer finish what is queued (closing the clip, if the recorder ended it), then joins it.
    public func stop() {
        guard running else { return }
        locked { stopping = true; pthread_cond_signal(workArrived) }
        pthread_join(thread, nil)
        running = false
    }

    /// Waits until the writer has done everything queued so far (tests, shutdown).
    public func waitUntilIdle() {
        pthread_mutex_lock(lock)
        while finished < enqueued { pthread_cond_wait(workDone, lock) }
        pthread_mutex_unlock(lock)
    }

    public var snapshot: Progress { locked { progress } }

    public func beginClip(atFrame frameIndex: Int, milliseconds: Int) {
        enqueue(.begin(kind: eventKind, frameIndex: frameIndex, milliseconds: milliseconds), bytes: 0)
    }

    public func write(frameIndex: Int, milliseconds: Int, bytes: UnsafeRawBufferPointer) {
        let fits = locked { progress.queuedBytes + bytes.count <= capacityBytes }
        guard fits else {
            locked { progress.framesDropped += 1 }
            return
        }
        enqueue(.frame(frameIndex: frameIndex, milliseconds: milliseconds, bytes: Array(bytes)), bytes: bytes.count)
    }

    public func endClip(atFrame frameIndex: Int) { enqueue(.end(frameIndex: frameIndex), bytes: 0) }

    private func enqueue(_ work: Work, bytes: Int) {
        locked {
            queue.append(work)
            enqueued += 1
            progress.queuedFrames += bytes > 0 ? 1 : 0
            progress.queuedBytes += bytes
            progress.peakQueuedBytes = max(progress.peakQueuedBytes, progress.queuedBytes)
            pthread_cond_signal(workArrived)
        }
    }

    /// The writer thread: takes work in order and hands it to the store.
    private func drain() {
        while true {
            pthread_mutex_lock(lock)
            while head == queue.count && !stopping { pthread_cond_wait(workArrived, lock) }
            if head == queue.count {
                pthread_mutex_unlock(lock)
                return
            }
            let work = queue[head]
            head += 1
            if head == queue.count {
                queue.removeAll(keepingCapacity: true)
                head = 0
            }
            pthread_mutex_unlock(lock)
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
            locked {
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
                pthread_cond_broadcast(workDone)
            }
        }
    }

    private func locked<Result>(_ body: () -> Result) -> Result {
        pthread_mutex_lock(lock)
        defer { pthread_mutex_unlock(lock) }
        return body()
    }
}
