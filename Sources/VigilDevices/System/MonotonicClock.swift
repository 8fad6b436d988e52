import CSystem

/// Time for measuring durations and pacing: never jumps when the wall clock is set.
public protocol MonotonicClock: AnyObject {
    var nanoseconds: Int64 { get }
    func sleep(milliseconds: Int)
}

/// CLOCK_MONOTONIC and nanosleep.
public final class SystemClock: MonotonicClock {
    public init() {}

    public var nanoseconds: Int64 { vigil_clock_nanoseconds(CLOCK_MONOTONIC) }

    /// A handled signal does not shorten the wait.
    public func sleep(milliseconds: Int) { vigil_sleep_milliseconds(milliseconds) }
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
    vigil_clock_nanoseconds(CLOCK_REALTIME) / 1_000_000
}
