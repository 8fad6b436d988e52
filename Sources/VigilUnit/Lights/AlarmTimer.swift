/// Holds the alarm output for a while after the last event that alarmed, so a short event is
/// still noticed and a stream of events keeps one alarm going rather than a flicker.
public struct AlarmTimer: Sendable {
    public let holdMilliseconds: Int
    private var lastTrigger: Int? = nil

    public init(holdMilliseconds: Int) {
        precondition(holdMilliseconds > 0)
        self.holdMilliseconds = holdMilliseconds
    }

    /// An alarming event at `milliseconds` of the monotonic clock: held from now on.
    public mutating func trigger(atMilliseconds milliseconds: Int) {
        lastTrigger = max(lastTrigger ?? milliseconds, milliseconds)
    }

    public func isActive(atMilliseconds milliseconds: Int) -> Bool {
        guard let lastTrigger else { return false }
        return milliseconds >= lastTrigger && milliseconds - lastTrigger < holdMilliseconds
    }
}
