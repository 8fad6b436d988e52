import Testing
import VigilCore
import VigilAnalysis
import VigilUnit

@Suite struct LampAndPictureTests {
    let wanted = LightStates(sign: true, recording: false, alarm: false, status: true)

    @Test func eachOutputIsLitInTurnWhileTheOthersKeepTheUnitsState() {
        let test = LampTestSequence(startMilliseconds: 1000)
        #expect(test.lights(wanted: wanted, atMilliseconds: 999) == nil)
        #expect(test.lights(wanted: wanted, atMilliseconds: 1200) == LightStates(sign: true, recording: false, alarm: false, status: true))
        #expect(test.lights(wanted: wanted, atMilliseconds: 2200) == LightStates(sign: false, recording: false, alarm: false, status: true))
        #expect(test.lights(wanted: wanted, atMilliseconds: 3100) == LightStates(sign: true, recording: true, alarm: false, status: true))
        #expect(test.lights(wanted: wanted, atMilliseconds: 4100) == LightStates(sign: true, recording: false, alarm: false, status: true))
        #expect(test.lights(wanted: wanted, atMilliseconds: 5100) == LightStates(sign: true, recording: false, alarm: true, status: true))
        #expect(test.lights(wanted: wanted, atMilliseconds: 8200) == LightStates(sign: true, recording: false, alarm: false, status: false))
        #expect(test.lights(wanted: wanted, atMilliseconds: 1000 + LampTestSequence.durationMilliseconds) == nil, "then the unit's own state")
    }

    @Test func sharpnessDropsWhenThePictureIsBlurredAndTheTextPictureFollowsTheLight() {
        let plane = Plane(width: 64, height: 48)
        for y in 0..<48 { for x in 0..<64 { plane.row(y)[x] = (x / 4 + y / 4) % 2 == 0 ? 30 : 220 } }
        let sharp = SharpnessScore.tenths(plane)
        let flat = Plane(width: 64, height: 48)
        flat.fill(128)
        #expect(SharpnessScore.tenths(flat) == 0)
        #expect(sharp > 500)
        #expect(SharpnessScore.meanLevel(flat) == 128)

        let gradient = Plane(width: 64, height: 48)
        for y in 0..<48 { for x in 0..<64 { gradient.row(y)[x] = UInt8(x * 4) } }
        #expect(TextPicture.render(gradient, columns: 8, rows: 2) == " .-=+*%@\n .-=+*%@\n", "dark left, bright right")
        #expect(TextPicture.render(gradient, columns: 100, rows: 2) == "", "never more characters than pixels")
    }
}
