import VigilDevices

let lightChecks: [SelfCheck] = [
    SelfCheck("lights.pulse-drives-on-then-off") { r in
        let line = RecordingOutputLine(name: "vigil-status")
        let clock = ManualClock()
        var reported: [Bool] = []
        do throws(DeviceError) {
            try pulse(line, holdMilliseconds: 700, clock: clock) { reported.append($0) }
        } catch {
            r.fail("pulse failed: " + error.message)
        }
        r.expect(line.states == [true, false], "driven on, then off")
        r.expect(reported == [true, false], "each state reported after it was set")
        r.expect(clock.sleptMilliseconds == [700, 700], "each state held")
    },
]
