import VigilDevices

/// What can be said about one clip file without any reviewer key.
public struct ClipInspection: Sendable {
    public enum State: Sendable {
        case closed, truncated, partial

        public var name: String {
            switch self {
            case .closed: return "closed"
            case .truncated: return "truncated"
            case .partial: return "partial"
            }
        }
    }

    public let path: String
    public let name: String
    public let bytes: Int
    public let header: ClipHeader?
    public let headerHash: [UInt8]
    public let state: State
    /// Frames, not counting the end chunk of a closed clip.
    public let frames: Int
    public let problem: ClipError?

    /// Largest clip file read: a damaged or foreign file must not exhaust memory.
    public static let fileLimit = 1 << 30

    public static func inspect(_ path: String) throws(DeviceError) -> ClipInspection {
        let bytes = try FileSystem.readFile(path, limit: fileLimit)
        let name = String(path.split(separator: "/").last ?? Substring(path))
        let isPartial = name.hasSuffix(ClipNames.partialSuffix)
        switch ParsedClip.parse(bytes) {
        case .failure(let error):
            return ClipInspection(path: path, name: name, bytes: bytes.count, header: nil, headerHash: [], state: isPartial ? .partial : .closed,
                                  frames: 0, problem: error)
        case .success(let parsed):
            var problem = isPartial ? parsed.trailerProblem : parsed.closedClipProblem
            if problem == nil, let number = ClipNames.number(in: name), number != parsed.header.clipNumber {
                problem = .chainBroken("the file is named clip \(number) but its header says clip \(parsed.header.clipNumber): renamed or replayed")
            }
            let state: State = isPartial ? .partial : parsed.trailer?.closing == .recovered ? .truncated : .closed
            let frames = parsed.chunks.count - (parsed.trailer?.closing == .closed ? 1 : 0)
            return ClipInspection(path: path, name: name, bytes: bytes.count, header: parsed.header, headerHash: parsed.headerHash,
                                  state: state, frames: max(0, frames), problem: problem)
        }
    }
}
