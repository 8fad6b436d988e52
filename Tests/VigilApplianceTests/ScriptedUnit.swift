import Foundation
import VigilAppliance
import VigilCore
import VigilDevices
import VigilEvidence

/// A camera that plays `FallingPersonScene` one frame interval apart on a manual clock, and can
/// be told to go away (unplugged) for some connection attempts, to stall for some frames, or to
/// deliver a corrupt frame.
final class ScriptedCamera: Camera {
    let width: Int, height: Int, intervalMilliseconds: Int, frames: Int
    let clock: ManualClock
    var scene: FallingPersonScene
    private(set) var delivered = 0
    private(set) var connects = 0
    /// Frame numbers at which the camera disappears, and how many connects then fail.
    var unplugAt: [Int: Int] = [:]
    var corruptAt: Set<Int> = []
    /// How many of 4 driver buffers are queued to fill when frame n is taken; nil: cannot tell.
    var queuedBuffersAt: (Int) -> Int? = { _ in nil }
    private(set) var buffersToFill: DriverBuffers? = nil
    private var failingConnects = 0
    private var connected = false
    var onEnd: () -> Void = {}

    init(width: Int = 160, height: Int = 120, fps: Int = 10, seconds: Int, clock: ManualClock) {
        self.width = width
        self.height = height
        intervalMilliseconds = 1000 / fps
        frames = fps * seconds
        self.clock = clock
        scene = FallingPersonScene(width: width, height: height)
    }

    var name: String { "scripted" }

    func connect() throws(DeviceError) -> CameraMode {
        connects += 1
        if failingConnects > 0 {
            failingConnects -= 1
            throw DeviceError("open camera scripted", errno: .noSuchFile, hint: "unplugged")
        }
        connected = true
        return CameraMode(width: width, height: height, fourcc: .yuyv, chroma: .yuv422, convertedByLibrary: false,
                          intervalNumerator: 1, intervalDenominator: 1000 / intervalMilliseconds)
    }

    func capture(into frame: Frame, timeoutMilliseconds: Int32) throws(CaptureError) -> UInt32 {
        guard connected else { throw .lost(DeviceError("capture", hint: "not connected")) }
        if delivered >= frames {
            onEnd()
            clock.advance(milliseconds: Int(timeoutMilliseconds))
            throw .lost(DeviceError("capture from scripted", hint: "no frame within \(timeoutMilliseconds) ms"))
        }
        if let failures = unplugAt.removeValue(forKey: delivered) {
            connected = false
            failingConnects = failures
            throw .lost(DeviceError("VIDIOC_DQBUF on scripted", errno: .noSuchDevice, hint: "the camera disappeared"))
        }
        clock.advance(milliseconds: intervalMilliseconds)
        let index = delivered
        delivered += 1
        buffersToFill = queuedBuffersAt(index).map { DriverBuffers(queued: $0, total: 4) }
        if corruptAt.contains(index) { throw .corruptFrame("frame \(index): short") }
        scene.render(atMilliseconds: index * intervalMilliseconds, into: frame)
        return UInt32(index)
    }

    func disconnect() { connected = false }
}

/// Requests for the daemon, sent by the test: a stop, a reload.
final class ScriptedControl: DaemonControl {
    var queued: [UnixSignal] = []
    let clock: ManualClock
    init(clock: ManualClock) { self.clock = clock }
    func pending() -> [UnixSignal] {
        defer { queued.removeAll() }
        return queued
    }
    func wait(milliseconds: Int) -> Bool {
        clock.advance(milliseconds: milliseconds)
        return !queued.isEmpty
    }
}

final class ScriptedCalendar: UnitCalendar {
    var weekday: Int
    var minute: Int
    init(weekday: Int = 2, minute: Int) {
        self.weekday = weekday
        self.minute = minute
    }
    var epochMilliseconds: Int64 { 1_780_000_000_000 }
    var localWeekdayAndMinute: (weekday: Int, minute: Int) { (weekday, minute) }
}

/// A temporary directory removed when the test is done with it.
final class TemporaryDirectory {
    let path: String

    init() throws {
        path = FileManager.default.temporaryDirectory.appendingPathComponent("vigil-unit-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(atPath: path) }

    func names(_ sub: String = "") -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: path + sub)) ?? []).sorted()
    }
}
