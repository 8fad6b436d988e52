import Foundation
import Testing
import VigilCore
@testable import VigilDiagnostics

@Suite struct DaemonStatusReportTests {
    func report(_ json: String, age: Int = 500) -> DaemonStatusReport? {
        guard case .success(let document) = JSONValue.parse(Array(json.utf8)) else { return nil }
        return DaemonStatusReport(document: document, ageMilliseconds: age)
    }

    let healthy = """
        {"state":"watching","pid":42,"uptime_s":120,"camera":{"device":"/dev/video0","mode":"640x480 YUYV","frames":3000,"fps":25.00,"driver_drops":2,"last_error":""},
        "analysis":{"ms_per_frame":8.50,"brightness":110,"sharpness":12.5,"tamper_condition":""},"events":{"count":1,"last":"fall: track 3"},
        "write_queue":{"frames":0,"peak_bytes":40960,"dropped":0},"storage":{"recording":false,"refused":"","failure":"","clips_written":1}}
        """

    @Test func aHealthyDaemonIsAllOK() throws {
        let status = try #require(report(healthy))
        #expect(status.checks().allSatisfy { $0.verdict == .ok })
        #expect(status.rateHundredths == 2500)
        #expect(status.sharpnessTenths == 125)
        #expect(status.brightness == 110)
        #expect(status.checks().contains { $0.name == "last event" && $0.value == "fall: track 3" })
    }

    @Test func aStaleFileMeansNotRunning() throws {
        let status = try #require(report(healthy, age: 60_000))
        let checks = status.checks()
        #expect(checks.count == 1)
        #expect(checks[0].verdict == .fail)
        #expect(checks[0].hint.contains("log"))
    }

    @Test func refusedRecordingAndQueueDropsAreReported() throws {
        let refused = healthy.replacingOccurrences(of: "\"refused\":\"\"", with: "\"refused\":\"no reviewer keys\"")
            .replacingOccurrences(of: "\"dropped\":0", with: "\"dropped\":7")
        let status = try #require(report(refused))
        let checks = status.checks()
        #expect(checks.first { $0.name == "recording" }?.verdict == .fail)
        #expect(checks.first { $0.name == "write queue" }?.verdict == .warn)
    }

    @Test func dropsWhileAStreamSettlesAreNotHeldAgainstIt() throws {
        let settled = try #require(report(healthy.replacingOccurrences(of: "\"driver_drops\":2", with: "\"driver_drops\":50,\"settling_drops\":45")))
        let frames = try #require(settled.checks().first { $0.name == "frames" })
        #expect(frames.verdict == .ok)
        #expect(frames.value == "3000 frames, 8.50 ms a frame, 5 dropped by the driver (and 45 while the stream settled)")
        let steady = try #require(report(healthy.replacingOccurrences(of: "\"driver_drops\":2", with: "\"driver_drops\":50,\"settling_drops\":0")))
        #expect(steady.checks().first { $0.name == "frames" }?.verdict == .warn)
    }

    @Test func dropsAreTheBoardsWhenTheDriverWentWithoutABufferAndTheCamerasWhenNot() throws {
        let dropping = healthy.replacingOccurrences(of: "\"driver_drops\":2", with: "\"driver_drops\":50,\"settling_drops\":0,\"buffers\":4")
        let starved = try #require(report(dropping.replacingOccurrences(of: "\"buffers\":4", with: "\"buffers\":4,\"fewest_buffers_to_fill\":0")))
        let behind = try #require(starved.checks().first { $0.name == "frames" })
        #expect(behind.verdict == .warn && behind.hint.contains("the board cannot keep up"), "\(behind.hint)")
        let fed = try #require(report(dropping.replacingOccurrences(of: "\"buffers\":4", with: "\"buffers\":4,\"fewest_buffers_to_fill\":2")))
        let skipping = try #require(fed.checks().first { $0.name == "frames" })
        #expect(skipping.verdict == .warn && skipping.hint.contains("skipped by the camera while it had buffers to fill"), "\(skipping.hint)")
    }
}
