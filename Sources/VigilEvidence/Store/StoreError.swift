import VigilDevices

/// A failure of the clip store: the clip refused, or the disk.
public enum StoreError: Error, Sendable {
    case clip(ClipError)
    case device(DeviceError)

    public var message: String {
        switch self {
        case .clip(let error): return error.message
        case .device(let error): return error.message
        }
    }
}
