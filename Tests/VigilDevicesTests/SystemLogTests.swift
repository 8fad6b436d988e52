import Testing
import VigilDevices

@Suite struct SystemLogs {
    @Test func linesNameTheProgramAndLevelAndLessImportantOnesAreDropped() {
        let memory = MemoryLogSink()
        let log = SystemLog(minimumLevel: .notice, sinks: [memory])
        log.log(.error, "camera lost: /dev/video0")
        log.log(.info, "frame 1000")
        log.log(.debug, "blob 3")
        log.log(.warning, "clip store 90% full")
        log.log(.notice, "recording")
        #expect(memory.lines == [
            "vigil: error: camera lost: /dev/video0",
            "vigil: warning: clip store 90% full",
            "vigil: notice: recording",
        ])
    }

    @Test func everySinkGetsEveryLine() {
        let first = MemoryLogSink(identifier: "vigil")
        let second = MemoryLogSink(identifier: "vigil-test")
        let log = SystemLog(minimumLevel: .debug, sinks: [first, second])
        log.log(.debug, "blob 3")
        #expect(first.lines == ["vigil: debug: blob 3"])
        #expect(second.lines == ["vigil-test: debug: blob 3"])
    }

    @Test func levelsAreFoundByTheirNames() {
        for level in [LogLevel.error, .warning, .notice, .info, .debug] {
            #expect(LogLevel(name: level.name) == level)
        }
        #expect(LogLevel(name: "verbose") == nil)
    }
}
