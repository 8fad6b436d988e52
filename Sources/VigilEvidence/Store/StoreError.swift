import VigilDevices

/// A failure of the clip store: the clip refused, or the disk.
public enum StoreError: Error, Sendable {
    case clip(ClipError)
    case device(DeviceError)
    /// Nothing more may be deleted and the clips still exceed the quota.
    case quotaFilled(quota: Int, heldBytes: Int, heldClips: Int)

    public var message: String {
        switch self {
        case .clip(let error): return error.message
        case .device(let error): return error.message
        case .quotaFilled(let quota, let heldBytes, let heldClips):
            return "the clip quota of \(quota) bytes is full: \(heldClips) held clip(s) take \(heldBytes) bytes and nothing else may be deleted;"
                + " release reviewed clips ('vigil release') or raise the quota"
        }
    }
}
