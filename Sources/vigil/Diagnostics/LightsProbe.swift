import VigilAppliance
import VigilCore
import VigilDevices
import VigilDiagnostics
import VigilUnit

/// The output and input lines: each configured line found by its name; with --lamp-test each
/// output lit in turn - by the daemon when it runs (it holds the lines), else here.
struct LightsProbe {
    let configuration: UnitConfiguration
    let daemon: DaemonStatusReport?

    func checks(lampTest: Bool, narrate: Bool) -> [DiagnosticCheck] {
        var checks: [DiagnosticCheck] = []
        for role in LineRole.allCases {
            guard let name = configuration.outputs.lineName(role) else {
                checks.append(.ok("lights", role.name, "none configured"))
                continue
            }
            guard let info = GPIOLineInfo.find(name) else {
                checks.append(DiagnosticCheck("lights", role.name, .fail, "no line named '" + name + "'",
                                              hint: "check the wiring harness and the board's line names (gpioinfo), and [outputs] " + role.name + "_line"))
                continue
            }
            checks.append(.ok("lights", role.name, name + ": " + info.description))
        }
        if lampTest { checks.append(DaemonStatusProbe.isRunning(daemon) ? askDaemon(narrate: narrate) : driveLines(narrate: narrate)) }
        return checks
    }

    private var order: String { commaSeparated(LampTestSequence.roles.map { $0.name }) }

    private func askDaemon(narrate: Bool) -> DiagnosticCheck {
        let request = UnitRequestFiles(statusFile: configuration.unit.statusFile).lampTestRequest
        switch DaemonRequest.ask(request, withinMilliseconds: 3000, answered: { !FileSystem.exists(request) }) {
        case .notWritten(let error):
            return DiagnosticCheck("lights", "lamp test", .fail, error.message, hint: "the technician account needs write access to the daemon's status directory")
        case .unanswered:
            return DiagnosticCheck("lights", "lamp test", .fail, "the daemon did not take the request within 3 s", hint: "see 'log'; is the daemon hung?")
        case .answered:
            break
        }
        if narrate { StandardStreams.writeError("lamp test: watch " + order + ", one second each\n") }
        SystemClock().sleep(milliseconds: LampTestSequence.durationMilliseconds)
        return .ok("lights", "lamp test", "the daemon lit " + order + " in turn and shows its own state again")
    }

    private func driveLines(narrate: Bool) -> DiagnosticCheck {
        let outputs = configuration.outputs
        let clock = SystemClock()
        var lit: [String] = []
        for role in LampTestSequence.roles {
            guard let name = outputs.lineName(role) else { continue }
            do throws(DeviceError) {
                let line = try GPIOOutputLine(named: name, consumer: "vigil-diag", activeLow: outputs.isActiveLow(role))
                if narrate { StandardStreams.writeError("lamp test: " + role.name + " (" + name + ") on\n") }
                try line.drive(true)
                clock.sleep(milliseconds: LampTestSequence.onMilliseconds)
                try line.drive(false)
                clock.sleep(milliseconds: LampTestSequence.offMilliseconds)
                lit.append(role.name)
            } catch {
                return DiagnosticCheck("lights", "lamp test", .fail, role.name + ": " + error.message, hint: "check the line and its permissions (gpioinfo)")
            }
        }
        return .ok("lights", "lamp test", "lit " + commaSeparated(lit) + " in turn, then off (the daemon is not running)")
    }
}
