import CSystem
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

@Suite struct LogFiles {
    @Test func linesAreStampedAndTheFileRotatesAtItsLimit() throws {
        let directory = "/tmp/vigil-logfile-test-\(getpid())/run"
        defer {
            for name in ["vigil.log", "vigil.log.1"] { _ = try? FileSystem.remove(directory + "/" + name) }
            rmdir(directory)
            rmdir(FileSystem.parent(of: directory))
        }
        _ = mkdir(FileSystem.parent(of: directory), 0o700)
        let sink = LogFileSink(path: directory + "/vigil.log", limitBytes: 200)
        let log = SystemLog(minimumLevel: .info, sinks: [sink])
        for index in 0..<6 { log.log(.notice, "line \(index) of the daemon's log") }
        let current = String(decoding: try FileSystem.readFile(directory + "/vigil.log", limit: 4096), as: UTF8.self)
        let previous = String(decoding: try FileSystem.readFile(directory + "/vigil.log.1", limit: 4096), as: UTF8.self)
        // About 68 bytes a line: three fill the 200, the fourth starts a new file.
        #expect(previous.hasSuffix("Z vigil: notice: line 2 of the daemon's log\n"), "\(previous)")
        #expect(previous.split(separator: "\n").count == 3)
        #expect(current.split(separator: "\n").count == 3 && current.contains("line 3") && current.contains("line 5"), "\(current)")
        #expect(current.hasPrefix("20"), "each line starts with its UTC time")
    }
}
