/// A digital output that lights something: the surveillance sign, the recording lamp,
/// the alarm relay, the status LED.
public protocol OutputLine: AnyObject {
    var name: String { get }
    func drive(_ active: Bool) throws(DeviceError)
}

/// A deterministic line for tests: remembers every state it was driven to.
public final class RecordingOutputLine: OutputLine {
    public let name: String
    public private(set) var states: [Bool] = []

    public init(name: String) { self.name = name }

    public func drive(_ active: Bool) throws(DeviceError) { states.append(active) }
}

/// Drives `line` active, holds, drives it inactive, holds: what a technician watches to see
/// that a lamp works. `report` is told each state as soon as it is set.
public func pulse<Line: OutputLine, Clock: MonotonicClock>(
    _ line: Line, holdMilliseconds: Int, clock: Clock, report: (Bool) -> Void
) throws(DeviceError) {
    for state in [true, false] {
        try line.drive(state)
        report(state)
        clock.sleep(milliseconds: holdMilliseconds)
    }
}
