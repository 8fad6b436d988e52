import CSystem

/// Time for measuring durations and pacing: never jumps when the wall clock is set.
public protocol MonotonicClock: AnyObject {
    var nanoseconds: Int64 { get }
    func sleep(milliseconds: Int)
}

/// CLOCK_MONOTONIC and nanosleep.
public final class SystemClock: MonotonicClock {
    public init() {}

    public var nanoseconds: Int64 {
        var now = timespec()
        clock_gettime(CLOCK_MONOTONIC, &now)
        return Int64(now.tv_sec) * 1_000_000_000 + Int64(now.tv_nsec)
    }

    public func sleep(milliseconds: Int) {
        var request = timespec(tv_sec: milliseconds / 1000, tv_nsec: (milliseconds % 1000) * 1_000_000)
        var remaining = timespec()
        // Resume after a signal with what was left, so a handled signal does not shorten the wait.
        while nanosleep(&request, &remaining) != 0 && vigil_errno() == EINTR { request = remaining }
    }
}

/// A clock that moves only when told to: deterministic timing for tests.
public final class ManualClock: MonotonicClock {
    public var nanoseconds: Int64
    public private(set) var sleptMilliseconds: [Int] = []

    public init(nanoseconds: Int64 = 0) { self.nanoseconds = nanoseconds }

    public func advance(milliseconds: Int) { nanoseconds += Int64(milliseconds) * 1_000_000 }

    public func sleep(milliseconds: Int) {
        sleptMilliseconds.append(milliseconds)
        advance(milliseconds: milliseconds)
    }
}

/// Wall-clock time (CLOCK_REALTIME) in milliseconds since 1970: for timestamps people read,
/// never for durations.
public func wallClockMilliseconds() -> Int64 {
    var now = timespec()
    clock_gettime(CLOCK_REALTIME, &now)
    return Int64(now.tv_sec) * 1000 + Int64(now.tv_nsec) / 1_000_000
}
