import Testing
import VigilCore
@testable import VigilDiagnostics

@Suite struct JudgementTests {
    @Test func frameRateWithinTenPercentIsOKBelowHalfFails() {
        #expect(CameraJudgement.frameRate(measuredHundredths: 1450, expectedHundredths: 1500).verdict == .ok)
        #expect(CameraJudgement.frameRate(measuredHundredths: 1000, expectedHundredths: 1500).verdict == .warn)
        #expect(CameraJudgement.frameRate(measuredHundredths: 700, expectedHundredths: 1500).verdict == .fail)
        #expect(CameraJudgement.frameRate(measuredHundredths: 0, expectedHundredths: 1500).hint.contains("fps"))
    }

    @Test func brightnessFailsAtTheTamperLevelsAndWarnsNearThem() {
        #expect(CameraJudgement.brightness(mean: 10, darkLevel: 20, brightLevel: 235).verdict == .fail)
        #expect(CameraJudgement.brightness(mean: 30, darkLevel: 20, brightLevel: 235).verdict == .warn)
        #expect(CameraJudgement.brightness(mean: 120, darkLevel: 20, brightLevel: 235).verdict == .ok)
        #expect(CameraJudgement.brightness(mean: 240, darkLevel: 20, brightLevel: 235).hint.contains("blinded"))
    }

    @Test func sharpnessThresholds() {
        #expect(CameraJudgement.sharpness(tenths: 80).verdict == .ok)
        #expect(CameraJudgement.sharpness(tenths: 20).verdict == .warn)
        #expect(CameraJudgement.sharpness(tenths: 5).verdict == .fail)
        #expect(CameraJudgement.tamper(condition: "covered").verdict == .fail)
        #expect(CameraJudgement.tamper(condition: "").verdict == .ok)
    }

    @Test func storageWarnsWhenNearlyFullAndFailsWhenUnwritable() {
        #expect(StorageJudgement.space(freeBytes: 50 << 20, totalBytes: 100 << 20, quotaPercent: 90).verdict == .ok)
        let full = StorageJudgement.space(freeBytes: 2 << 20, totalBytes: 100 << 20, quotaPercent: 90)
        #expect(full.verdict == .warn)
        #expect(full.value == "2.0 MB free of 100.0 MB (2 %)")
        #expect(StorageJudgement.writeProbe(microseconds: 5_000, errorText: nil, noSpace: false).verdict == .ok)
        #expect(StorageJudgement.writeProbe(microseconds: 300_000, errorText: nil, noSpace: false).verdict == .warn)
        #expect(StorageJudgement.writeProbe(microseconds: 0, errorText: "No space left on device", noSpace: true).verdict == .warn)
        #expect(StorageJudgement.writeProbe(microseconds: 0, errorText: "Read-only file system", noSpace: false).verdict == .fail)
        #expect(StorageJudgement.tornClips(1).verdict == .warn)
        #expect(StorageJudgement.mount(mountPoint: "/run", filesystemType: "tmpfs", directory: "/run/clips").verdict == .fail)
        #expect(StorageJudgement.mount(mountPoint: "/", filesystemType: "ext4", directory: "/var/lib/vigil/clips").verdict == .warn)
        #expect(StorageJudgement.mount(mountPoint: "/var/lib/vigil", filesystemType: "ext4", directory: "/var/lib/vigil/clips").verdict == .ok)
        #expect(StorageJudgement.retention(oldestUnheldAgeMilliseconds: 80 * 3_600_000, retentionMilliseconds: 72 * 3_600_000).verdict == .warn)
        #expect(StorageJudgement.retention(oldestUnheldAgeMilliseconds: 10 * 3_600_000, retentionMilliseconds: 72 * 3_600_000).verdict == .ok)
    }

    @Test func clockBefore2026OrBehindTheClipsFails() {
        #expect(ClockJudgement.wallClock(epochMilliseconds: 0).verdict == .fail)
        #expect(ClockJudgement.wallClock(epochMilliseconds: 1_796_000_000_000).verdict == .ok)
        #expect(ClockJudgement.newestClip(startMilliseconds: 1_796_000_000_000, nowMilliseconds: 1_790_000_000_000).verdict == .fail)
        #expect(ClockJudgement.newestClip(startMilliseconds: 1_790_000_000_000, nowMilliseconds: 1_796_000_000_000).verdict == .ok)
        #expect(ClockJudgement.newestClip(startMilliseconds: nil, nowMilliseconds: 1_796_000_000_000).verdict == .ok)
    }

    @Test func systemThresholds() {
        #expect(SystemJudgement.temperature(milliCelsius: 85_000, zone: "cpu").verdict == .warn)
        #expect(SystemJudgement.temperature(milliCelsius: 99_000, zone: "cpu").verdict == .fail)
        #expect(SystemJudgement.temperature(milliCelsius: nil, zone: "").verdict == .ok)
        #expect(SystemJudgement.temperature(milliCelsius: 45_500, zone: "cpu-thermal").value == "45.5 °C (cpu-thermal)")
        #expect(SystemJudgement.load(hundredths: 900, processors: 4).verdict == .warn)
        #expect(SystemJudgement.memory(availableKilobytes: 20_000, totalKilobytes: 1_000_000).verdict == .fail)
        #expect(SystemJudgement.memory(availableKilobytes: 500_000, totalKilobytes: 1_000_000).verdict == .ok)
    }

    @Test func reportExitStatusAndRenderings() {
        var report = DiagnosticReport(unit: "vigil", version: "1.0", epochMilliseconds: 0)
        report.add(.ok("camera", "present", "/dev/video0"))
        #expect(report.exitStatus == 0)
        report.add(DiagnosticCheck("storage", "free space", .warn, "1 MB", hint: "release held clips"))
        #expect(report.exitStatus == 0)
        report.add(DiagnosticCheck("keys", "reviewers", .fail, "none", hint: "install \"two\" keys"))
        #expect(report.exitStatus == 1)
        #expect(report.text.contains("  FAIL  reviewers          none\n       -> install \"two\" keys\n"))
        #expect(report.text.hasSuffix("1 OK, 1 WARN, 1 FAIL\n"))
        guard case .success(let document) = JSONValue.parse(Array(report.json.utf8)) else {
            Issue.record("diag --json is not JSON")
            return
        }
        #expect(document["result"]?.string == "FAIL")
        #expect(document["counts"]?["warn"]?.integer == 1)
        guard case .array(let checks) = document["checks"] else {
            Issue.record("no checks array")
            return
        }
        #expect(checks.count == 3)
        #expect(checks[2]["hint"]?.string == "install \"two\" keys")
    }
}
