import VigilAnalysis
import VigilAppliance
import VigilCore
import VigilDevices
import VigilDiagnostics

/// The camera checks: present, driver, formats, the configured mode, then rate, brightness,
/// sharpness and tamper - measured here when the daemon is not running, else from its status.
struct CameraProbe {
    let configuration: UnitConfiguration
    let daemon: DaemonStatusReport?
    let quick: Bool

    private var request: CameraRequest { configuration.unit.camera }

    func checks() -> [DiagnosticCheck] {
        let device = request.device
        if device.hasSuffix(".y4m") {
            return [FileSystem.exists(device) ? .ok("camera", "present", device + " (recorded footage)")
                    : DiagnosticCheck("camera", "present", .fail, device + " is missing", hint: "[camera] device names a recording that is not there")]
        }
        guard FileSystem.exists(device) else {
            return [DiagnosticCheck("camera", "present", .fail, "no " + device,
                                    hint: "is the camera connected and its driver loaded? check the cable, then dmesg; [camera] device names the node")]
        }
        let opened: V4L2Camera
        do throws(DeviceError) { opened = try V4L2Camera(path: device) } catch {
            return [DiagnosticCheck("camera", "present", .fail, error.message, hint: "check the camera and its driver (dmesg)")]
        }
        var checks: [DiagnosticCheck] = [.ok("camera", "present", device), .ok("camera", "driver", opened.identity.driver + ", " + opened.identity.card)]
        let offered = opened.formats()
        let names = commaSeparated(offered.prefix(12).map { $0.fourcc.description }) + (offered.count > 12 ? " and \(offered.count - 12) more" : "")
        if offered.isEmpty {
            checks.append(DiagnosticCheck("camera", "formats", .fail, "none", hint: "the driver lists no capture format: check the camera (v4l2-ctl --list-formats-ext)"))
            return checks
        }
        if let asked = request.fourcc, !offered.contains(where: { $0.fourcc == asked }) {
            checks.append(DiagnosticCheck("camera", "formats", .fail, names + "; configured " + asked.description + " is not offered",
                                          hint: "set [camera] format to one of " + names + ", or auto"))
            return checks
        }
        checks.append(.ok("camera", "formats", names))
        if DaemonStatusProbe.isRunning(daemon), let daemon {
            checks += fromDaemon(daemon)
        } else {
            checks += measured()
        }
        return checks
    }

    private var wantedMode: String { "\(request.width)x\(request.height)" }

    /// The daemon streams: its own measurements, once a second.
    private func fromDaemon(_ daemon: DaemonStatusReport) -> [DiagnosticCheck] {
        var checks: [DiagnosticCheck] = [.ok("camera", "mode", daemon.cameraMode + " (in use by the daemon)")]
        if let rate = daemon.rateHundredths { checks.append(CameraJudgement.frameRate(measuredHundredths: rate, expectedHundredths: request.framesPerSecond * 100)) }
        if let brightness = daemon.brightness {
            checks.append(CameraJudgement.brightness(mean: brightness, darkLevel: configuration.tamper.darkLevel, brightLevel: configuration.tamper.brightLevel))
        }
        if let sharpness = daemon.sharpnessTenths { checks.append(CameraJudgement.sharpness(tenths: sharpness)) }
        checks.append(CameraJudgement.tamper(condition: daemon.tamperCondition))
        return checks
    }

    /// Nobody streams: negotiate the configured mode and measure for 2 s (a few frames with --quick).
    private func measured() -> [DiagnosticCheck] {
        let camera = V4L2StreamingCamera(request: request)
        defer { camera.disconnect() }
        let mode: CameraMode
        do throws(DeviceError) { mode = try camera.connect() } catch {
            return [DiagnosticCheck("camera", "mode", .fail, wantedMode + ": " + error.message, hint: "choose a mode the camera offers ([camera] size, format)")]
        }
        var checks: [DiagnosticCheck] = []
        if mode.width == request.width && mode.height == request.height {
            checks.append(.ok("camera", "mode", mode.description))
        } else {
            checks.append(DiagnosticCheck("camera", "mode", .warn, mode.description + " instead of " + wantedMode,
                                          hint: "the driver chose another size: set [camera] size to one it has"))
        }
        let frame = Frame(width: mode.width, height: mode.height, format: mode.chroma)
        let clock = SystemClock()
        let duration: Int64 = quick ? 0 : 2_000_000_000
        var frames = 0
        var first: Int64 = 0
        var last: Int64 = 0
        while frames < 3 || last - first < duration {
            do throws(CaptureError) {
                _ = try camera.capture(into: frame, timeoutMilliseconds: Int32(configuration.unit.cameraTimeoutMilliseconds))
            } catch {
                if case .corruptFrame = error { continue }
                checks.append(DiagnosticCheck("camera", "frames", .fail, error.message, hint: "the camera stopped delivering: check the cable and power, then dmesg"))
                return checks
            }
            last = clock.nanoseconds
            if frames == 0 { first = last }
            frames += 1
        }
        if !quick {
            let fixedRate = mode.intervalDenominator == 0
            let measured = Int(Int64(frames - 1) * 100_000_000_000 / max(1, last - first))
            if fixedRate {
                checks.append(.ok("camera", "frame rate", decimalText(measured, fractionDigits: 2) + " fps (a fixed-rate source)"))
            } else {
                checks.append(CameraJudgement.frameRate(measuredHundredths: measured, expectedHundredths: request.framesPerSecond * 100))
            }
        }
        checks.append(CameraJudgement.brightness(mean: SharpnessScore.meanLevel(frame.luma), darkLevel: configuration.tamper.darkLevel,
                                                 brightLevel: configuration.tamper.brightLevel))
        checks.append(CameraJudgement.sharpness(tenths: SharpnessScore.tenths(frame.luma)))
        return checks
    }
}
