import CSystem

/// One POSIX thread with the lock and condition its owner shares with it: the plumbing of the
/// unit's background stages (clip writing, evidence encoding), so each of them is only its
/// hand-over logic. The owner keeps its shared state under `locked`, waits in `waitForChange`
/// and announces changes with `announceChange`, both inside `locked`; its body returns once it
/// sees `isStopping` and has nothing left to do.
public final class WorkerThread {
    private let lock = UnsafeMutablePointer<pthread_mutex_t>.allocate(capacity: 1)
    private let changed = UnsafeMutablePointer<pthread_cond_t>.allocate(capacity: 1)
    private var thread = pthread_t()
    public private(set) var isRunning = false
    /// Set by `stop`; read inside `locked`.
    public private(set) var isStopping = false

    /// The body travels to the new thread in a retained box: whatever it captures (usually the
    /// owner) lives until the thread has returned.
    private final class Body {
        let run: () -> Void
        init(_ run: @escaping () -> Void) { self.run = run }
    }

    public init() {
        pthread_mutex_init(lock, nil)
        pthread_cond_init(changed, nil)
    }

    deinit {
        pthread_cond_destroy(changed)
        pthread_mutex_destroy(lock)
        changed.deallocate()
        lock.deallocate()
    }

    /// Runs `body` on a new thread; false if the system refused one (the caller then does the
    /// work itself).
    public func start(_ body: @escaping () -> Void) -> Bool {
        precondition(!isRunning, "a worker thread is started once")
        let context = Unmanaged.passRetained(Body(body)).toOpaque()
        let status = pthread_create(&thread, nil, { raw in
            Unmanaged<Body>.fromOpaque(raw!).takeRetainedValue().run()
            return nil
        }, context)
        if status != 0 {
            Unmanaged<Body>.fromOpaque(context).release()
            return false
        }
        isRunning = true
        return true
    }

    /// Tells the body to stop, wakes it, and waits for it to return.
    public func stop() {
        guard isRunning else { return }
        locked {
            isStopping = true
            announceChange()
        }
        pthread_join(thread, nil)
        isRunning = false
    }

    public func locked<Result: ~Copyable>(_ body: () -> Result) -> Result {
        pthread_mutex_lock(lock)
        defer { pthread_mutex_unlock(lock) }
        return body()
    }

    /// Inside `locked` only: releases the lock until another thread announces a change.
    /// Spurious wake-ups happen, so callers wait in a loop on their own condition.
    public func waitForChange() { pthread_cond_wait(changed, lock) }

    /// Inside `locked` only: wakes every thread waiting for a change.
    public func announceChange() { pthread_cond_broadcast(changed) }
}
