import CSystem
import Testing
import VigilDevices

@Suite struct Watchdogs {
    @Test func theRecordingWatchdogCountsFeedsAndRefusesThemAfterDisarm() throws {
        let watchdog = RecordingWatchdog()
        try watchdog.feed()
        try watchdog.feed()
        #expect(watchdog.feeds == 2)
        #expect(!watchdog.isDisarmed)
        watchdog.disarm()
        #expect(watchdog.isDisarmed)
        #expect(throws: DeviceError.self) { try watchdog.feed() }
        #expect(watchdog.feeds == 2)
    }

    /// A regular file stands in for /dev/watchdog (opening the host's would arm it): what
    /// lands in it is exactly what the driver would read.
    @Test func feedsWriteOneByteEachAndDisarmWritesTheMagicV() throws {
        let path = "/tmp/vigil-watchdog-test-\(getpid())"
        defer { unlink(path) }
        try FileSystem.writeAtomically(path, [], durable: false)
        let watchdog = try DeviceWatchdog(path: path)
        #expect(watchdog.timeoutSeconds == nil)  // a file answers no WDIOC_GETTIMEOUT
        try watchdog.feed()
        try watchdog.feed()
        watchdog.disarm()
        #expect(try FileSystem.readFile(path, limit: 16) == [0, 0, UInt8(ascii: "V")])
        do {
            try watchdog.feed()
            Issue.record("a disarmed watchdog was fed")
        } catch {
            #expect(error.message == "feed watchdog " + path + " - it was disarmed for a clean exit; arm a new one to keep watching")
        }
        watchdog.disarm()  // a second disarm writes nothing more
        #expect(try FileSystem.readFile(path, limit: 16) == [0, 0, UInt8(ascii: "V")])
    }

    @Test func aMissingWatchdogSaysWhatToCheck() {
        do {
            _ = try DeviceWatchdog(path: "/dev/vigil-no-watchdog")
            Issue.record("a missing watchdog was opened")
        } catch {
            #expect(error.message == "open watchdog /dev/vigil-no-watchdog: No such file or directory - no watchdog driver is loaded (ls /dev/watchdog*); check the kernel configuration")
        }
    }
}
