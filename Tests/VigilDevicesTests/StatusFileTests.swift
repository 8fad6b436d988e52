import CSystem
import Testing
import VigilDevices

@Suite struct StatusFiles {
    private func scratchDirectory(_ name: String) -> String {
        let directory = "/tmp/vigil-status-test-\(getpid())-" + name
        _ = mkdir(directory, 0o700)
        return directory
    }

    private func removeTree(_ directory: String) {
        if let names = try? FileSystem.list(directory) {
            for name in names {
                let path = directory + "/" + name
                if FileSystem.isDirectory(path) { removeTree(path) } else { unlink(path) }
            }
        }
        rmdir(directory)
    }

    @Test(arguments: [false, true]) func eachWriteReplacesTheWholeFileAndLeavesNoTemporary(durable: Bool) throws {
        let directory = scratchDirectory(durable ? "durable" : "plain")
        defer { removeTree(directory) }
        let writer = StatusFileWriter(path: directory + "/status", durable: durable)
        try writer.write("state: recording\ncamera: ok\nclips: 12\n")
        try writer.write("state: idle\n")
        #expect(try FileSystem.readFile(directory + "/status", limit: 1024) == Array("state: idle\n".utf8))
        #expect(try FileSystem.list(directory) == ["status"])
    }

    @Test func aMissingDirectoryIsCreatedReadableByAll() throws {
        let parent = scratchDirectory("parent")
        defer { removeTree(parent) }
        let writer = StatusFileWriter(path: parent + "/run-vigil/status")
        try writer.write("ok\n")
        #expect(try FileSystem.readFile(parent + "/run-vigil/status", limit: 16) == Array("ok\n".utf8))
        var status = stat()
        #expect(stat(parent + "/run-vigil", &status) == 0)
        #expect(status.st_mode & 0o777 == 0o755)
    }

    @Test func aFailedWriteSaysWhichFileAndLeavesNoTemporary() throws {
        let directory = scratchDirectory("blocked")
        defer { removeTree(directory) }
        // A directory where the temporary file should go: the open fails whoever runs the test.
        _ = mkdir(directory + "/status.tmp", 0o700)
        do {
            try StatusFileWriter(path: directory + "/status").write("ok\n")
            Issue.record("the write succeeded")
        } catch {
            #expect(error.message.hasPrefix("open " + directory + "/status.tmp: Is a directory"))
        }
        #expect(!FileSystem.exists(directory + "/status"))
    }
}
