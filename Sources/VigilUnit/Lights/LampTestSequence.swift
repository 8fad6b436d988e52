/// The technician's lamp test (`vigil diag --lamp-test`): each output in turn is lit for a
/// second and dark for a second, so its lamp can be watched from the ladder, while the
/// other outputs keep the state the unit wants; afterwards every output is the unit's again.
public struct LampTestSequence: Sendable {
    public static let roles: [LineRole] = [.sign, .recording, .alarm, .status]
    public static let onMilliseconds = 1000
    public static let offMilliseconds = 1000
    public static var durationMilliseconds: Int { roles.count * (onMilliseconds + offMilliseconds) }

    public let startMilliseconds: Int

    public init(startMilliseconds: Int) { self.startMilliseconds = startMilliseconds }

    /// The outputs at `milliseconds`, given what the unit wants; nil once the test is over.
    public func lights(wanted: LightStates, atMilliseconds milliseconds: Int) -> LightStates? {
        let elapsed = milliseconds - startMilliseconds
        guard elapsed >= 0, elapsed < LampTestSequence.durationMilliseconds else { return nil }
        let step = LampTestSequence.onMilliseconds + LampTestSequence.offMilliseconds
        let lit = elapsed % step < LampTestSequence.onMilliseconds
        var states = wanted
        switch LampTestSequence.roles[elapsed / step] {
        case .sign: states.sign = lit
        case .recording: states.recording = lit
        case .alarm: states.alarm = lit
        case .status, .tamper: states.status = lit
        }
        return states
    }
}
