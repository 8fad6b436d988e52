import VigilDevices
import VigilUnit

/// The unit's four outputs, each a line held for the life of the daemon (or absent when the
/// configuration says `none`). Only lines whose state changes are driven, and each change is
/// reported so the console and the log show the lamps as they switch.
public final class UnitLights {
    private let lines: [(role: LineRole, line: any OutputLine)]
    public private(set) var states = LightStates(sign: false, recording: false, alarm: false, status: false)
    private var driven = false

    public init(sign: (any OutputLine)?, recording: (any OutputLine)?, alarm: (any OutputLine)?, status: (any OutputLine)?) {
        var lines: [(role: LineRole, line: any OutputLine)] = []
        if let sign { lines.append((.sign, sign)) }
        if let recording { lines.append((.recording, recording)) }
        if let alarm { lines.append((.alarm, alarm)) }
        if let status { lines.append((.status, status)) }
        self.lines = lines
    }

    /// Drives the lines whose state differs from `wanted`; `report` hears each change.
    /// A line that fails is reported and tried again next time.
    public func show(_ wanted: LightStates, report: (LineRole, String, Bool, DeviceError?) -> Void) {
        for (role, line) in lines {
            guard let state = wanted.state(of: role) else { continue }
            if driven && states.state(of: role) == state { continue }
            do throws(DeviceError) {
                try line.drive(state)
                report(role, line.name, state, nil)
            } catch {
                report(role, line.name, state, error)
            }
        }
        states = wanted
        driven = true
    }

    /// Every output off: the safe state on exit (the sign goes dark because nobody watches).
    public func safeState(report: (LineRole, String, Bool, DeviceError?) -> Void) {
        show(LightStates(sign: false, recording: false, alarm: false, status: false), report: report)
    }
}
