/// What started a clip, as stored in its header.
public enum EventKind: UInt8, Sendable, CaseIterable {
    case unknown = 0
    case motion = 1
    case fall = 2
    /// The camera was covered, blinded, defocused or turned away, or the tamper switch opened.
    case tamper = 3

    public var name: String {
        switch self {
        case .unknown: return "unknown"
        case .motion: return "motion"
        case .fall: return "fall"
        case .tamper: return "tamper"
        }
    }
}
