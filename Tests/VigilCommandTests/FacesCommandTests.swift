import Foundation
import Testing

/// `vigil faces` as a technician or a script calls it.
@Suite struct FacesCommandTests {
    @Test func aSceneWithoutFacesGivesOnlyTheSummary() throws {
        let run = try VigilProcess.run(["faces", "-"], input: SyntheticStream.y4m(frames: 3))
        #expect(run.status == 0, "stderr: \(run.standardError)")
        #expect(run.outputLines.count == 1, "stdout: \(run.standardOutput)")
        #expect(run.outputLines.last?.hasPrefix("{\"summary\":{\"cascade\":\"haarcascade_frontalface_default\",\"frames\":3,\"faces\":0,") == true,
                "summary: \(run.standardOutput)")
    }

    @Test func theBuiltInCascadesAreListedAndChosenByName() throws {
        let list = try VigilProcess.run(["faces", "--list"])
        #expect(list.status == 0)
        #expect(list.outputLines.map { String($0.prefix { $0 != " " }) } == [
            "haarcascade_frontalface_default", "haarcascade_frontalface_alt2", "haarcascade_profileface", "lbpcascade_frontalface_improved",
        ])
        let lbp = try VigilProcess.run(["faces", "--cascade", "lbpcascade_frontalface_improved", "-"], input: SyntheticStream.y4m(frames: 1))
        #expect(lbp.status == 0 && lbp.standardOutput.contains("\"cascade\":\"lbpcascade_frontalface_improved\""), "\(lbp.standardOutput)")
        let licences = try VigilProcess.run(["faces", "--licences"])
        #expect(licences.status == 0 && licences.standardOutput.contains("Intel License Agreement"))
    }

    @Test func anUnknownCascadeIsAUsageError() throws {
        let run = try VigilProcess.run(["faces", "--cascade", "eyes", "-"], input: SyntheticStream.y4m(frames: 1))
        #expect(run.status == 2)
        #expect(run.standardError.contains("bad value 'eyes' for --cascade") && run.standardError.contains("vigil faces --list"), "\(run.standardError)")
        #expect(run.standardOutput.isEmpty)
    }

    @Test func aCutStreamSaysSoAndStillSummarises() throws {
        let stream = SyntheticStream.y4m(frames: 3)
        let run = try VigilProcess.run(["faces", "-"], input: stream.prefix(SyntheticStream.offset(ofFrame: 2) + 100))
        #expect(run.status == 2)
        #expect(run.standardError.contains("frame 2 is truncated"), "\(run.standardError)")
        #expect(run.outputLines.last?.contains("\"frames\":2,") == true, "\(run.standardOutput)")
    }

    @Test func noInputIsAUsageError() throws {
        let run = try VigilProcess.run(["faces"])
        #expect(run.status == 2 && run.standardError.contains("missing argument"), "\(run.standardError)")
    }
}
