import VigilDevices

/// A failure of the clip store: the clip refused, or the disk.
public enum StoreError: Error, Sendable {
    case clip(ClipError)
    case device(DeviceError)
    /// The filesystem is full and no clip is left that may be deleted to make room (the others
    /// are held); `closedClip` is the clip that was being written, closed with its complete
    /// frames (nil: none, or left for recovery).
    case filesystemFull(DeviceError, closedClip: String?)
    /// Nothing more may be deleted and the clips still exceed the quota.
    case quotaFilled(quota: Int, heldBytes: Int, heldClips: Int)

    /// A failed write: a full filesystem told apart from other failures.
    public init(writing error: DeviceError, closedClip: String?) {
        self = error.errno == .noSpace ? .filesystemFull(error, closedClip: closedClip) : .device(error)
    }

    public var message: String {
        switch self {
        case .clip(let error): return error.message
        case .device(let error): return error.message
        case .filesystemFull(let error, let closedClip):
            let closed = closedClip.map { " " + $0 + " was closed with the frames written before;" } ?? ""
            return error.operation + ": " + (error.errno?.description ?? "no space") + ": the filesystem is full and every other clip is held"
                + " (or there is none), so none may be deleted to make room;" + closed + " release reviewed clips ('vigil release') or free space on the filesystem"
        case .quotaFilled(let quota, let heldBytes, let heldClips):
            return "the clip quota of \(quota) bytes is full: \(heldClips) held clip(s) take \(heldBytes) bytes and nothing else may be deleted;"
                + " release reviewed clips ('vigil release') or raise the quota"
        }
    }
}
