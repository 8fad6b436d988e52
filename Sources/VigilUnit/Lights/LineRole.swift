/// What a GPIO line does for the unit. The first four are outputs; `tamper` is an input (a
/// tamper switch or door contact).
public enum LineRole: Int, CaseIterable, Sendable {
    case sign, recording, alarm, status, tamper

    /// As the configuration file names the role (`sign_line`, `active_low = sign,alarm`).
    public var name: String {
        switch self {
        case .sign: "sign"
        case .recording: "recording"
        case .alarm: "alarm"
        case .status: "status"
        case .tamper: "tamper"
        }
    }

    public var isInput: Bool { self == .tamper }

    /// The configuration key of the role's line name.
    public var key: String { name + "_line" }

    public static func named(_ name: String) -> LineRole? { allCases.first { $0.name == name } }
}
