/// What the unit is doing, as far as its lamps show it.
public struct UnitCondition: Equatable, Sendable {
    /// The camera runs and the analysis watches the scene.
    public var watching: Bool
    /// A clip is being written.
    public var recording: Bool
    /// The alarm output is held (`AlarmTimer`).
    public var alarmActive: Bool
    /// Something needs a technician: the store failed, a device is gone.
    public var fault: Bool
    /// The camera delivers no pictures, or pictures that are tampered with.
    public var cameraLost: Bool

    public init(watching: Bool = false, recording: Bool = false, alarmActive: Bool = false, fault: Bool = false, cameraLost: Bool = false) {
        self.watching = watching
        self.recording = recording
        self.alarmActive = alarmActive
        self.fault = fault
        self.cameraLost = cameraLost
    }
}

/// The blink patterns of the status LED, each repeating every `period` milliseconds of the
/// monotonic clock:
///
///     heartbeat    100 ms on, 900 ms off              healthy and watching
///     cameraLost   on 100, off 100, on 100, off 700  no usable picture
///     fault        250 ms on, 250 ms off              needs a technician
///     off          dark                               not watching, no fault
///
/// They differ in rhythm, not only in speed, so a passer-by can tell them apart at a glance.
public enum StatusPattern: Equatable, Sendable {
    case off, heartbeat, cameraLost, fault

    public var name: String {
        switch self {
        case .off: "off"
        case .heartbeat: "heartbeat"
        case .cameraLost: "camera_lost"
        case .fault: "fault"
        }
    }

    public var period: Int {
        switch self {
        case .off, .heartbeat, .cameraLost: 1000
        case .fault: 500
        }
    }

    public func isLit(atMilliseconds milliseconds: Int) -> Bool {
        let phase = ((milliseconds % period) + period) % period
        switch self {
        case .off: return false
        case .heartbeat: return phase < 100
        case .cameraLost: return phase < 100 || (200..<300).contains(phase)
        case .fault: return phase < 250
        }
    }
}

/// The state of every lamp and output at one moment.
public struct LightStates: Equatable, Sendable {
    public var sign: Bool
    public var recording: Bool
    public var alarm: Bool
    public var status: Bool

    public init(sign: Bool, recording: Bool, alarm: Bool, status: Bool) {
        self.sign = sign
        self.recording = recording
        self.alarm = alarm
        self.status = status
    }

    /// The state of an output role's line; nil for the tamper input.
    public func state(of role: LineRole) -> Bool? {
        switch role {
        case .sign: sign
        case .recording: recording
        case .alarm: alarm
        case .status: status
        case .tamper: nil
        }
    }

    /// `sign=on recording=off alarm=off status=on`
    public var description: String {
        func word(_ lit: Bool) -> String { lit ? "on" : "off" }
        return "sign=" + word(sign) + " recording=" + word(recording) + " alarm=" + word(alarm) + " status=" + word(status)
    }
}

/// Which lamps are lit for a condition. The surveillance sign is lit whenever the unit watches
/// (the law asks that people be told, and only then); the recording lamp while a clip is
/// written; the alarm while it is held. The status LED shows the most urgent of fault, camera
/// lost and heartbeat (`StatusPattern`). Pure: the caller polls it with the monotonic time.
public struct LightPolicy: Sendable {
    public init() {}

    public func statusPattern(for condition: UnitCondition) -> StatusPattern {
        if condition.fault { return .fault }
        if condition.cameraLost { return .cameraLost }
        return condition.watching ? .heartbeat : .off
    }

    public func lights(for condition: UnitCondition, atMilliseconds milliseconds: Int) -> LightStates {
        LightStates(sign: condition.watching, recording: condition.recording, alarm: condition.alarmActive,
                    status: statusPattern(for: condition).isLit(atMilliseconds: milliseconds))
    }
}
