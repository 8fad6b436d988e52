/// A change of a digital input, as the kernel saw it.
public struct InputEdge: Equatable, Sendable {
    /// True when the line became active, false when it became inactive.
    public let rising: Bool
    /// When it happened, on the monotonic clock (the kernel's stamp, not when it was read).
    public let timestampNanoseconds: Int64

    public init(rising: Bool, timestampNanoseconds: Int64) {
        self.rising = rising
        self.timestampNanoseconds = timestampNanoseconds
    }

    public var description: String { (rising ? "rising" : "falling") + " at \(timestampNanoseconds) ns" }
}

/// A digital input watched for changes: the tamper switch, a door contact.
public protocol InputLine: AnyObject {
    var name: String { get }
    /// The level now; active means "switch closed" whichever way the line is wired.
    var isActive: Bool { get throws(DeviceError) }
    /// The edges queued since the last call, oldest first; never waits, so a loop can ask once
    /// per frame.
    func pendingEdges() throws(DeviceError) -> [InputEdge]
}

/// A deterministic input for tests: edges are pushed in, and the level follows the last one.
public final class ScriptedInputLine: InputLine {
    public let name: String
    private var level: Bool
    private var queued: [InputEdge] = []

    public init(name: String, initiallyActive: Bool = false) {
        self.name = name
        level = initiallyActive
    }

    public var isActive: Bool { get throws(DeviceError) { level } }

    /// Queues an edge, as the kernel would when the line changes.
    public func push(_ edge: InputEdge) {
        queued.append(edge)
        level = edge.rising
    }

    public func pendingEdges() throws(DeviceError) -> [InputEdge] {
        defer { queued.removeAll() }
        return queued
    }
}
