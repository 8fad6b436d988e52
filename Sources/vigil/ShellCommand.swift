import VigilAppliance
import VigilCore
import VigilDevices
import VigilMaintenance
import VigilUnit

let shellCommand = Command(
    spec: CommandSpec(
        name: "shell", summary: "the technician's maintenance shell: status, diagnosis, aiming, clock; no pictures, no clips, no system shell",
        options: [
            OptionSpec("config", value: "FILE", help: "the unit's configuration (default " + defaultShellConfiguration + ")"),
            OptionSpec("command", value: "LINE", help: "run this one shell line and exit with its status (also -c LINE, as sshd passes it)"),
        ],
        details: "Installed as /usr/bin/vigil-shell, the login shell of the technician account. Every line, refused ones too, "
            + "goes to the audit log (unit.audit_log); without it nothing runs but help and exit."),
    run: { arguments throws(UsageError) in
        runShell(configurationPath: arguments.value("config") ?? defaultShellConfiguration, command: arguments.value("command"))
    })

let defaultShellConfiguration = "/etc/vigil/vigil.conf"

/// The name the login shell symlink gives the program; a login shell gets it with a leading '-'.
let loginShellName = "vigil-shell"

/// `vigil-shell ARGS` (the symlink, from login or sshd) as `vigil shell ARGS`, with sh's `-c LINE`.
func shellArguments(_ arguments: [String]) -> [String] {
    var translated = ["shell"]
    var index = 0
    while index < arguments.count {
        let argument = arguments[index]
        if (argument == "-c" || argument == "--command" || argument == "--config") && index + 1 < arguments.count {
            translated += [argument == "-c" ? "--command" : argument, arguments[index + 1]]
            index += 2
        } else {
            translated.append(argument)
            index += 1
        }
    }
    return translated
}

private func runShell(configurationPath: String, command: String?) -> Int32 {
    let configuration = lenientConfiguration(configurationPath)
    let settings = ShellSettings(
        configurationPath: configurationPath, storeDirectory: configuration.unit.storeDirectory, logFile: configuration.unit.logFile,
        auditLog: configuration.unit.auditLog, timeZone: configuration.policy.timeZone)
    SessionSignals.install()
    let shell = MaintenanceShell(settings: settings, identity: SessionIdentity.current(), executable: ChildProcess.ownExecutable())
    if let command { return ShellSession.runOne(shell, line: command) }
    if let terminal = RawTerminal(fileDescriptor: 0) {
        return ShellSession.run(shell, input: TerminalInput(terminal: terminal, completions: ShellCommands.names))
    }
    return ShellSession.run(shell, input: PlainInput(fileDescriptor: 0))
}

/// The configuration with its good lines applied and the defaults for the rest: a technician
/// must be able to diagnose a unit whose configuration is broken, so mistakes are reported,
/// not fatal.
private func lenientConfiguration(_ path: String) -> UnitConfiguration {
    var configuration = UnitConfiguration()
    let bytes: [UInt8]
    do throws(DeviceError) { bytes = try readSmallFile(path, limit: 65536) } catch {
        StandardStreams.writeError("vigil-shell: " + error.message + "; using the default settings (diag shows what else is wrong)")
        return configuration
    }
    let errors = configuration.apply(ConfigFile(parsing: bytes, sections: UnitConfiguration.sections))
    for error in errors { StandardStreams.writeError("vigil-shell: " + path + ": " + error.message) }
    if !errors.isEmpty {
        StandardStreams.writeError("vigil-shell: " + path + ": \(errors.count) " + (errors.count == 1 ? "mistake" : "mistakes")
                                   + "; those lines are at their defaults here (vigil config check " + path + ")")
    }
    return configuration
}
