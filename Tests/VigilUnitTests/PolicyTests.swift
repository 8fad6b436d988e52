import Testing
import VigilUnit

/// What an event does by day and at night, which lamps are lit, and how long the alarm holds.
@Suite struct EventPolicyTests {
    func policy(recordByDay: Bool = false, alarmAtNight: Bool = false, tamperAlarm: Bool = true) -> EventPolicy {
        var settings = PolicySettings()
        settings.recordByDay = recordByDay
        settings.alarmAtNight = alarmAtNight
        settings.tamperAlarm = tamperAlarm
        return EventPolicy(settings: settings)
    }

    @Test(arguments: [UnitEventKind.fall, .motion])
    func peopleEvents(_ kind: UnitEventKind) {
        #expect(policy().respond(to: kind, isDay: true) == EventResponse(alarm: true, record: false), "by day: the staff, no clip")
        #expect(policy(recordByDay: true).respond(to: kind, isDay: true) == EventResponse(alarm: true, record: true))
        #expect(policy().respond(to: kind, isDay: false) == EventResponse(alarm: false, record: true), "at night: a clip, no alarm")
        #expect(policy(alarmAtNight: true).respond(to: kind, isDay: false) == EventResponse(alarm: true, record: true))
        #expect(policy(recordByDay: true).respond(to: kind, isDay: false) == EventResponse(alarm: false, record: true),
                "record_by_day does not touch the night")
        #expect(policy(alarmAtNight: true).respond(to: kind, isDay: true) == EventResponse(alarm: true, record: false),
                "alarm_at_night does not touch the day")
    }

    @Test func tamperIsAlwaysRecordedAndAlarmsUnlessTurnedOff() {
        for isDay in [true, false] {
            #expect(policy().respond(to: .tamper, isDay: isDay) == EventResponse(alarm: true, record: true))
            #expect(policy(tamperAlarm: false).respond(to: .tamper, isDay: isDay) == EventResponse(alarm: false, record: true))
            #expect(policy(recordByDay: false, alarmAtNight: false).respond(to: .tamper, isDay: isDay).record)
        }
        #expect(EventResponse(alarm: true, record: false).description == "alarm=yes record=no")
    }
}

@Suite struct LightPolicyTests {
    let lights = LightPolicy()

    /// The status LED over one second in 50 ms steps, as a string of 1s and 0s.
    func statusTrace(_ condition: UnitCondition, from start: Int = 0) -> String {
        var trace = ""
        for step in 0..<20 { trace += lights.lights(for: condition, atMilliseconds: start + step * 50).status ? "1" : "0" }
        return trace
    }

    @Test func theSignShowsWatchingTheLampRecordingTheAlarmItsTimer() {
        #expect(lights.lights(for: UnitCondition(), atMilliseconds: 0) == LightStates(sign: false, recording: false, alarm: false, status: false))
        let busy = lights.lights(for: UnitCondition(watching: true, recording: true, alarmActive: true), atMilliseconds: 500)
        #expect(busy == LightStates(sign: true, recording: true, alarm: true, status: false))
        #expect(busy.description == "sign=on recording=on alarm=on status=off")
        #expect(busy.state(of: .sign) == true && busy.state(of: .status) == false && busy.state(of: .tamper) == nil)
        #expect(lights.lights(for: UnitCondition(watching: true), atMilliseconds: 0).description == "sign=on recording=off alarm=off status=on")
    }

    @Test func statusPatterns() {
        #expect(statusTrace(UnitCondition(watching: true)) == "11000000000000000000", "heartbeat: 100 ms a second")
        #expect(statusTrace(UnitCondition(watching: true, cameraLost: true)) == "11001100000000000000", "camera lost: two blinks a second")
        #expect(statusTrace(UnitCondition(watching: true, fault: true)) == "11111000001111100000", "fault: 250 on, 250 off")
        #expect(statusTrace(UnitCondition()) == "00000000000000000000", "not watching, no fault: dark")
        #expect(statusTrace(UnitCondition(fault: true)) == "11111000001111100000", "a fault shows even when not watching")
        #expect(statusTrace(UnitCondition(fault: true, cameraLost: true)) == statusTrace(UnitCondition(fault: true)), "the fault wins")
    }

    @Test func patternsRepeatWithTheClock() {
        for condition in [UnitCondition(watching: true), UnitCondition(watching: true, cameraLost: true), UnitCondition(fault: true)] {
            #expect(statusTrace(condition, from: 86_400_000) == statusTrace(condition), "a day later, the same rhythm")
        }
        #expect(lights.statusPattern(for: UnitCondition(watching: true, cameraLost: true)).name == "camera_lost")
    }
}

@Suite struct AlarmTimerTests {
    @Test func holdsAfterTheLastTrigger() {
        var timer = AlarmTimer(holdMilliseconds: 10_000)
        #expect(!timer.isActive(atMilliseconds: 0), "nothing triggered yet")
        timer.trigger(atMilliseconds: 1000)
        #expect(timer.isActive(atMilliseconds: 1000) && timer.isActive(atMilliseconds: 10_999))
        #expect(!timer.isActive(atMilliseconds: 11_000))
        timer.trigger(atMilliseconds: 8000)
        #expect(timer.isActive(atMilliseconds: 17_999), "a later event extends the hold")
        #expect(!timer.isActive(atMilliseconds: 18_000))
        timer.trigger(atMilliseconds: 5000)
        #expect(timer.isActive(atMilliseconds: 17_999), "an earlier time does not shorten the hold")
        #expect(!timer.isActive(atMilliseconds: 18_000), "nor lengthen it")
    }

    @Test func builtFromTheSettingsHold() {
        var settings = PolicySettings()
        #expect(settings.set("alarm_hold_ms", "2500") == nil)
        var timer = AlarmTimer(holdMilliseconds: settings.alarmHoldMilliseconds)
        timer.trigger(atMilliseconds: 0)
        #expect(timer.isActive(atMilliseconds: 2499) && !timer.isActive(atMilliseconds: 2500))
    }
}
