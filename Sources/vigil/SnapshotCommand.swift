import VigilAnalysis
import VigilAppliance
import VigilCore
import VigilDevices
import VigilPrivacy

let snapshotCommand = Command(
    spec: CommandSpec(
        name: "snapshot", summary: "one redacted frame as a JPEG, to aim and focus the camera",
        options: [
            OptionSpec("output", short: "o", value: "FILE", help: "where the JPEG goes (required)"),
            OptionSpec("config", value: "FILE", help: "the configuration (default /etc/vigil/vigil.conf)"),
            OptionSpec("ascii", help: "also print the picture as characters with its brightness and focus score, for a serial console"),
        ],
        details: """
            The picture is redacted like every frame the unit keeps: raw frames are not available,
            to a technician either. While the daemon runs it holds the camera: the snapshot is
            asked of it (a request file beside its status file) and is its next redacted frame.
            Otherwise the camera is opened here, a few frames are let through for the exposure to
            settle, and faces (searched over the whole picture, like a still) and [redaction]
            masks are pixelated before anything is written.
            """),
    run: { arguments throws(UsageError) in
        guard let output = arguments.value("output") else { throw .missingValue(command: "snapshot", option: "-o FILE") }
        let path = arguments.value("config") ?? "/etc/vigil/vigil.conf"
        guard let configuration = configuration(fromFile: path, command: "snapshot") else { return UsageError.exitStatus }
        let result = DaemonStatusProbe.isRunning(DaemonStatusProbe.read(configuration.unit.statusFile))
            ? Snapshot.askDaemon(configuration, output: output) : Snapshot.capture(configuration, output: output)
        switch result {
        case .failure(let error):
            StandardStreams.writeError("vigil snapshot: " + error.message)
            return 1
        case .success(let jpeg):
            if arguments.flag("ascii") { Snapshot.printText(jpeg, configuration: configuration) }
            print("snapshot: " + output + " (\(jpeg.count) bytes, redacted)")
            return 0
        }
    })

struct SnapshotError: Error {
    let message: String
}

enum Snapshot {
    /// Frames let through before the picture, so auto exposure has settled.
    static let settleFrames = 5

    static func askDaemon(_ configuration: UnitConfiguration, output: String) -> Result<[UInt8], SnapshotError> {
        let requests = UnitRequestFiles(statusFile: configuration.unit.statusFile)
        _ = try? FileSystem.remove(requests.snapshot)
        switch DaemonRequest.ask(requests.snapshotRequest, withinMilliseconds: 5000, answered: { FileSystem.exists(requests.snapshot) }) {
        case .notWritten(let error):
            return .failure(SnapshotError(message: error.message + " (the technician account needs write access to the daemon's status directory)"))
        case .unanswered:
            return .failure(SnapshotError(message: "the daemon gave no picture within 5 s; is the camera lost? ('status', 'log')"))
        case .answered:
            break
        }
        let jpeg: [UInt8]
        do throws(DeviceError) { jpeg = try FileSystem.readFile(requests.snapshot, limit: 16 << 20) } catch { return .failure(SnapshotError(message: error.message)) }
        if output != requests.snapshot {
            do throws(DeviceError) { try FileSystem.writeAtomically(output, jpeg, mode: 0o640, durable: false) } catch {
                return .failure(SnapshotError(message: error.message))
            }
        }
        return .success(jpeg)
    }

    static func capture(_ configuration: UnitConfiguration, output: String) -> Result<[UInt8], SnapshotError> {
        let camera = V4L2StreamingCamera(request: configuration.unit.camera)
        defer { camera.disconnect() }
        let mode: CameraMode
        do throws(DeviceError) { mode = try camera.connect() } catch { return .failure(SnapshotError(message: error.message)) }
        let raw = RawFrame(width: mode.width, height: mode.height, format: mode.chroma)
        var captured = 0
        while captured <= settleFrames {
            do throws(CaptureError) {
                _ = try raw.capture { frame throws(CaptureError) in
                    try camera.capture(into: frame, timeoutMilliseconds: Int32(configuration.unit.cameraTimeoutMilliseconds))
                }
                captured += 1
            } catch {
                if case .corruptFrame = error { continue }
                return .failure(SnapshotError(message: error.message))
            }
        }
        let settings = configuration.redaction
        var faces: [FaceBox] = []
        if settings.policy.faces {
            let cascades = settings.stillCascadeNames.compactMap { BuiltInCascades.cascade(named: $0) }
            do throws(CascadeError) { faces = try StillFaceSearch(cascades: cascades, width: raw.width, height: raw.height).detect(raw.luma) } catch {
                return .failure(SnapshotError(message: error.message))
            }
        }
        let redactor = Redactor(width: raw.width, height: raw.height, policy: settings.policy, holdFrames: settings.faceHoldFrames,
                                masks: settings.maskPlane(width: raw.width, height: raw.height))
        let redacted = redactor.redact(raw, faces: faces, people: [])
        let jpeg: [UInt8]
        do throws(StillError) { jpeg = try JPEGStill.encode(redacted) } catch { return .failure(SnapshotError(message: error.message)) }
        do throws(DeviceError) { try FileSystem.writeAtomically(output, jpeg, mode: 0o640, durable: false) } catch {
            return .failure(SnapshotError(message: error.message))
        }
        return .success(jpeg)
    }

    /// The (redacted) JPEG as characters, with the figures the technician aims and focuses by.
    static func printText(_ jpeg: [UInt8], configuration: UnitConfiguration) {
        let picture: RawFrame
        do throws(StillError) { picture = try JPEGStill.decode(jpeg, maximumPixels: configuration.redaction.maximumImagePixels) } catch {
            StandardStreams.writeError("vigil snapshot: " + error.message)
            return
        }
        print(TextPicture.render(picture.luma, columns: 64, rows: 24), terminator: "")
        print("\(picture.width)x\(picture.height), brightness \(SharpnessScore.meanLevel(picture.luma)) of 255, focus score "
              + decimalText(SharpnessScore.tenths(picture.luma), fractionDigits: 1) + " (higher is sharper; turn the focus ring for the highest)")
    }
}
