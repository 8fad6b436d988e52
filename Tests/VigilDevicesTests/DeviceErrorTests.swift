import CSystem
import Testing
import VigilCore
import VigilDevices

/// The device wrappers' failure paths, on the host where no camera or GPIO chip exists.
/// The success paths run against real drivers on the emulated boards (Tests/target).
@Suite struct DeviceErrors {
    @Test func openingAMissingFileGivesENOENT() {
        guard case .failure(let error) = FileDescriptor.open("/nonexistent/vigil", flags: O_RDONLY) else {
            Issue.record("open succeeded")
            return
        }
        #expect(error == .noSuchFile)
        #expect(error.description == "No such file or directory")
    }

    @Test func writeThenReadBackThroughDescriptors() throws {
        let path = "/tmp/vigil-fd-test-\(getpid())"
        defer { unlink(path) }
        guard case .success(let writer) = FileDescriptor.open(path, flags: O_WRONLY | O_CREAT | O_TRUNC, mode: 0o600) else {
            Issue.record("create failed")
            return
        }
        let message: [UInt8] = Array("frame 42".utf8)
        let written = message.withUnsafeBytes { writer.write($0) }
        #expect(try written.get() == message.count)
        guard case .success(let reader) = FileDescriptor.open(path, flags: O_RDONLY) else {
            Issue.record("open failed")
            return
        }
        var buffer = [UInt8](repeating: 0, count: 32)
        let count = try buffer.withUnsafeMutableBytes { reader.read(into: $0) }.get()
        #expect(Array(buffer[0..<count]) == message)
        #expect(try reader.waitReadable(timeoutMilliseconds: 0).get())
    }

    @Test func anIoctlOnANonDeviceReportsItsErrno() {
        guard case .success(let null) = FileDescriptor.open("/dev/null", flags: O_RDWR) else {
            Issue.record("open /dev/null failed")
            return
        }
        var argument = [UInt8](repeating: 0, count: 128)
        let error = null.control(0x8068_5600, &argument)  // VIDIOC_QUERYCAP
        #expect(error == Errno(rawValue: ENOTTY))
    }

    @Test func aMissingCameraSaysWhatToCheck() {
        #expect(throws: DeviceError.self) { try V4L2Camera(path: "/dev/video-vigil-missing") }
        do {
            _ = try V4L2Camera(path: "/dev/video-vigil-missing")
        } catch {
            #expect(error.message == "open camera /dev/video-vigil-missing: No such file or directory - is the camera connected and its driver loaded? (ls /dev/video*)")
        }
    }

    @Test func aNodeThatIsNotAV4L2DeviceIsRefused() {
        do {
            _ = try V4L2Camera(path: "/dev/null")
            Issue.record("/dev/null accepted as a camera")
        } catch {
            #expect(error.message.hasPrefix("VIDIOC_QUERYCAP on /dev/null: Inappropriate ioctl for device"))
            #expect(error.message.hasSuffix("is this a V4L2 video device? (v4l2-ctl --list-devices)"))
        }
    }

    @Test func anUnknownGPIOLineNameSaysWhereToLook() {
        do {
            _ = try GPIOOutputLine(named: "vigil-no-such-line")
            Issue.record("a line that does not exist was found")
        } catch {
            #expect(error.message.hasPrefix("GPIO line 'vigil-no-such-line'"))
            #expect(error.message.hasSuffix("no GPIO line has that name; check the board's line names (gpioinfo) and the configuration"))
        }
    }

    @Test func libraryVersionsNameAllFourLibraries() {
        let summary = LinkedLibraries.summary
        for library in ["libgpiod 1.", "libsodium 1.", "libjpeg-turbo 2.", "libv4lconvert"] {
            #expect(summary.includes(library), "\(library) missing from \(summary)")
        }
    }
}
