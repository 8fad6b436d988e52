/// The events the unit acts on: from the analysis (a fall, a person moving) and from the
/// tamper checks (the camera attacked, the tamper switch tripped).
public enum UnitEventKind: Sendable {
    case fall, motion, tamper

    public var name: String {
        switch self {
        case .fall: "fall"
        case .motion: "motion"
        case .tamper: "tamper"
        }
    }
}

/// What the unit does about one event.
public struct EventResponse: Equatable, Sendable {
    /// Drive the alarm output: the staff are notified.
    public var alarm: Bool
    /// Write an encrypted clip, pre-roll included.
    public var record: Bool

    public init(alarm: Bool, record: Bool) {
        self.alarm = alarm
        self.record = record
    }

    public var description: String { "alarm=" + (alarm ? "yes" : "no") + " record=" + (record ? "yes" : "no") }
}

/// The site's rules for events. By day the staff are there: an event alarms them, and is
/// recorded only if the site asks for it (recording people who are being helped anyway is
/// not needed). At night nobody is there: events are recorded, and alarm only if asked. A
/// tamper event is always recorded - the pre-roll shows who did it - and alarms day and night
/// unless the site turned that off.
public struct EventPolicy: Sendable {
    public let recordByDay: Bool
    public let alarmAtNight: Bool
    public let tamperAlarm: Bool

    public init(settings: PolicySettings) {
        recordByDay = settings.recordByDay
        alarmAtNight = settings.alarmAtNight
        tamperAlarm = settings.tamperAlarm
    }

    public func respond(to kind: UnitEventKind, isDay: Bool) -> EventResponse {
        switch kind {
        case .tamper: EventResponse(alarm: tamperAlarm, record: true)
        case .fall, .motion: isDay ? EventResponse(alarm: true, record: recordByDay) : EventResponse(alarm: alarmAtNight, record: true)
        }
    }
}
