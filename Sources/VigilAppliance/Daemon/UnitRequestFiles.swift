import VigilDevices

/// Requests to the running daemon, as files beside its status file: the technician's tools run
/// as another user and cannot signal it, and the daemon keeps the camera and the lines, so
/// `vigil snapshot` and the lamp test ask it. It looks once a second.
public struct UnitRequestFiles: Sendable {
    public let directory: String

    public init(statusFile: String) { directory = FileSystem.parent(of: statusFile) }

    /// Present: encode the next (redacted) frame to `snapshot`, then remove the request.
    public var snapshotRequest: String { directory + "/snapshot.request" }
    public var snapshot: String { directory + "/snapshot.jpg" }
    /// Present: run the lamp test (`LampTestSequence`), then remove the request.
    public var lampTestRequest: String { directory + "/lamp-test.request" }
}
