import CSystem
import Testing
import VigilDevices

/// The signals are sent to this thread alone (pthread_kill): the mask is per thread, and
/// `swift test` runs tests on other threads that do not block them, where a process-wide
/// kill() could land and end the run. A synchronous test stays on one thread throughout.
@Suite struct SignalWatches {
    @Test func aHangupIsReadOnceAndDoesNotKill() throws {
        let watch = try SignalWatch()
        #expect(watch.pending().isEmpty)
        #expect(pthread_kill(pthread_self(), SIGHUP) == 0)
        #expect(watch.wait(milliseconds: 0))
        #expect(watch.pending() == [.hangup])
        #expect(watch.pending().isEmpty)
        #expect(!watch.wait(milliseconds: 0))
    }

    @Test func eachWatchedSignalIsNamed() throws {
        let watch = try SignalWatch()
        for signal in [SIGTERM, SIGINT, SIGHUP] { #expect(pthread_kill(pthread_self(), signal) == 0) }
        let names = watch.pending().map(\.name).sorted()
        #expect(names == ["SIGHUP", "SIGINT", "SIGTERM"])
    }

    @Test func repeatsOfASignalBeforeAReadComeOnce() throws {
        let watch = try SignalWatch()
        #expect(pthread_kill(pthread_self(), SIGTERM) == 0)
        #expect(pthread_kill(pthread_self(), SIGTERM) == 0)
        #expect(watch.pending() == [.terminate])
    }
}
