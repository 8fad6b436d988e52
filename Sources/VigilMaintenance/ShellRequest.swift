/// One accepted line of the maintenance shell: a command from the fixed set with arguments
/// already checked. Clip names are canonical (`clip-00000042.vclip`), never a path.
public enum ShellRequest: Equatable, Sendable {
    case empty
    case help
    case status
    case diag(DiagnosisMode)
    case lampTest
    case snapshot
    case clips
    case verify(clip: String?)
    case hold(clip: String)
    case log(lines: Int)
    case date
    case setTime(epochSeconds: Int64)
    case reboot
    case exit

    public enum DiagnosisMode: Equatable, Sendable {
        case full, quick, json
    }

    /// The argument list (after the executable) of the `vigil` subcommand that does the work,
    /// or nil for the commands the shell does itself.
    public func vigilArguments(configuration: String, storeDirectory: String) -> [String]? {
        switch self {
        case .status: ["status", "--config", configuration]
        case .diag(.full): ["diag", "--config", configuration]
        case .diag(.quick): ["diag", "--config", configuration, "--quick"]
        case .diag(.json): ["diag", "--config", configuration, "--json"]
        case .lampTest: ["diag", "--config", configuration, "--lamp-test"]
        case .snapshot: ["snapshot", "--config", configuration, "--ascii", "-o", "/run/vigil/snapshot.jpg"]
        case .clips: ["clips", "--dir", storeDirectory]
        case .verify(nil): ["verify", storeDirectory]
        case .verify(let clip?): ["verify", storeDirectory + "/" + clip]
        case .hold(let clip): ["hold", storeDirectory + "/" + clip]
        case .empty, .help, .log, .date, .setTime, .reboot, .exit: nil
        }
    }
}
