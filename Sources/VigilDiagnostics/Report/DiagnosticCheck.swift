import VigilCore

/// How a check came out. The exit status of `vigil diag` is non-zero when any check failed.
public enum Verdict: Int, Comparable, Sendable {
    case ok, warn, fail

    public var name: String {
        switch self {
        case .ok: "OK"
        case .warn: "WARN"
        case .fail: "FAIL"
        }
    }

    public static func < (a: Verdict, b: Verdict) -> Bool { a.rawValue < b.rawValue }
}

/// One line of the diagnostics: what was looked at, what was found, and - unless it is OK -
/// what the technician should do about it.
public struct DiagnosticCheck: Equatable, Sendable {
    /// camera, lights, storage, keys, clock, system, daemon
    public let group: String
    public let name: String
    public let verdict: Verdict
    public let value: String
    public let hint: String

    public init(_ group: String, _ name: String, _ verdict: Verdict, _ value: String, hint: String = "") {
        self.group = group
        self.name = name
        self.verdict = verdict
        self.value = value
        self.hint = hint
    }

    public static func ok(_ group: String, _ name: String, _ value: String) -> DiagnosticCheck { DiagnosticCheck(group, name, .ok, value) }
}
