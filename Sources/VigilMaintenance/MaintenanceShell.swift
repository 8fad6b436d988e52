import CSystem
import VigilCore
import VigilDevices

/// The technician's shell minus its input: takes one line, refuses it or runs it, writes the
/// audit entry, and says whether the session goes on. The input side (`ShellSession`) is the
/// same for typed, piped and `-c` lines, so all pass through `handle`.
public final class MaintenanceShell {
    public enum Outcome: Equatable {
        case proceed(status: Int32)
        case exit
    }

    public let settings: ShellSettings
    public let identity: SessionIdentity
    /// Nil while the audit log cannot be written: then nothing runs but help and exit.
    private var audit: AuditLog?
    private var auditProblem: String
    private let executable: String?
    /// Reads one more line after printing the prompt (the reboot confirmation); nil at end of input.
    public var readConfirmation: (String) -> [UInt8]? = { _ in nil }

    public init(settings: ShellSettings, identity: SessionIdentity, executable: String?) {
        self.settings = settings
        self.identity = identity
        self.executable = executable
        auditProblem = ""
        do throws(DeviceError) { audit = try AuditLog(path: settings.auditLog) } catch {
            closeAudit(error)
        }
        LocalTimeZone.set(posixTZ: settings.timeZone)
    }

    public var banner: String {
        "vigil unit " + hostName() + " - maintenance shell (vigil " + VigilVersion.number + "); type help for the commands\n"
    }

    public func startSession() { record(Array("(session start)".utf8), "ok") }

    public func endSession() { record(Array("(session end)".utf8), "ok") }

    public func handle(_ line: [UInt8]) -> Outcome {
        // A `-c` line can be as long as the kernel allows; the audit log gets its length only.
        if line.count > ShellCommandLine.maximumLength {
            refuseTooLong(line.count)
            return .proceed(status: 2)
        }
        let request: ShellRequest
        switch ShellCommandLine.parse(line) {
        case .failure(let refusal):
            writeError(refusal.message)
            if case .unknownCommand = refusal { record(line, "unknown") } else { record(line, "refused") }
            return .proceed(status: 2)
        case .success(let accepted): request = accepted
        }
        switch request {
        case .empty: return .proceed(status: 0)
        case .help:
            write("commands:\n" + ShellCommands.helpText)
            record(line, "ok")
            return .proceed(status: 0)
        case .exit:
            record(line, "ok")
            return .exit
        default: break
        }
        guard audit != nil else {
            writeError(auditProblem)
            return .proceed(status: 1)
        }
        let (status, note) = run(request)
        record(line, (status == 0 ? "ok" : "exit " + String(status)) + note)
        return .proceed(status: status)
    }

    /// A line too long to keep (plain input): refused whole, and recorded by its length.
    public func refuseTooLong(_ count: Int) {
        writeError(ShellRefusal.refused("the line is longer than \(ShellCommandLine.maximumLength) bytes; type a shorter command (type help)").message)
        record(Array(("(" + String(count) + " bytes)").utf8), "refused")
    }

    /// Runs an accepted request: its exit status and a note for the audit entry.
    private func run(_ request: ShellRequest) -> (Int32, String) {
        if let arguments = request.vigilArguments(configuration: settings.configurationPath, storeDirectory: settings.storeDirectory) {
            return (runVigil(arguments), "")
        }
        switch request {
        case .log(let lines): return (showLog(lines), "")
        case .date:
            let now = wallClockMilliseconds() / 1000
            write("local " + LocalTimeZone.civilTime(epochSeconds: now).description + " (" + settings.timeZone + ")\n"
                  + "UTC   " + UTCDateTime.civil(epochSeconds: now) + "\n")
            return (0, "")
        case .setTime(let seconds): return setTime(seconds)
        case .reboot: return reboot()
        default: return (0, "")
        }
    }

    private func runVigil(_ arguments: [String]) -> Int32 {
        guard let executable else {
            writeError("vigil-shell: cannot find the vigil executable (/proc/self/exe); is /proc mounted?")
            return 1
        }
        return runProgram(executable, [executable] + arguments, name: arguments[0])
    }

    private func runProgram(_ path: String, _ arguments: [String], name: String) -> Int32 {
        let status: Int32
        do throws(DeviceError) { status = try ChildProcess.run(path, arguments: arguments, environment: childEnvironment()) } catch {
            writeError("vigil-shell: " + error.message)
            return 1
        }
        if status == 127 {
            // What posix_spawn's child reports when the exec itself failed.
            writeError("vigil-shell: " + name + " could not be started (exit status 127); ask the administrator")
        } else if status != 0 {
            writeError("vigil-shell: " + name + " ended with exit status " + String(status))
        }
        return status
    }

    /// A fixed environment: nothing the login brought along (LD_PRELOAD, IFS, ...) reaches a child.
    private func childEnvironment() -> [String] {
        var environment = ["PATH=/usr/sbin:/usr/bin:/sbin:/bin"]
        if let zone = environmentValue("TZ") { environment.append("TZ=" + zone) }
        if let terminal = environmentValue("TERM"), !terminal.isEmpty, terminal.count <= 64,
           terminal.utf8.allSatisfy({ ($0 >= 0x30 && $0 <= 0x39) || ($0 >= 0x41 && $0 <= 0x5a) || ($0 >= 0x61 && $0 <= 0x7a) || $0 == 0x2d || $0 == 0x2e || $0 == 0x2b || $0 == 0x5f }) {
            environment.append("TERM=" + terminal)
        }
        return environment
    }

    private func showLog(_ count: Int) -> Int32 {
        guard let path = settings.logFile else {
            writeError("vigil-shell: log: the configuration has log_file = none, so the daemon keeps no log for this shell")
            return 1
        }
        let current: [UInt8]
        do throws(DeviceError) { current = try FileSystem.readFile(path, limit: 1 << 20) } catch {
            writeError("vigil-shell: log: no log at " + path + " (" + error.message + "): the daemon is not running (try status) or log_file = none")
            return 1
        }
        let previous = (try? FileSystem.readFile(path + ".1", limit: 1 << 20)) ?? []
        var text = ""
        for line in LogTail.lastLines(count, previous: previous, current: current) { text += LogTail.displayable(line) + "\n" }
        write(text)
        return 0
    }

    private func setTime(_ seconds: Int64) -> (Int32, String) {
        let before = wallClockMilliseconds() / 1000
        if let error = WallClock.set(seconds: seconds) {
            let reason = error == Errno(rawValue: EPERM)
                ? "this account may not set the clock (EPERM: vigil-shell needs CAP_SYS_TIME); ask the administrator"
                : error.description
            writeError("vigil-shell: set-time: " + reason)
            return (1, "")
        }
        let was = UTCDateTime.timestamp(epochSeconds: before), now = UTCDateTime.timestamp(epochSeconds: seconds)
        write("clock set: " + was + " -> " + now + "\n")
        return (0, " (clock " + was + " -> " + now + ")")
    }

    private func reboot() -> (Int32, String) {
        guard let answer = readConfirmation("type yes to reboot: "), answer == Array("yes".utf8) else {
            write("not rebooting\n")
            return (0, " (not confirmed)")
        }
        // The record comes first: after the reboot there is no one left to write it.
        record(Array("reboot".utf8), "ok (rebooting)")
        guard audit != nil else {
            writeError(auditProblem)
            return (1, "")
        }
        sync()
        let status = runProgram("/sbin/reboot", ["/sbin/reboot"], name: "reboot")
        if status != 0 { writeError("vigil-shell: reboot failed; this account may lack the right to reboot: ask the administrator") }
        return (status, "")
    }

    private func record(_ line: [UInt8], _ outcome: String) {
        guard let log = audit else { return }
        let entry = AuditEntry(epochSeconds: wallClockMilliseconds() / 1000, user: identity.user, terminal: identity.terminal,
                               origin: identity.origin, line: line, outcome: outcome)
        do throws(DeviceError) { try log.append(entry) } catch {
            closeAudit(error)
            writeError(auditProblem)
        }
    }

    /// Fail closed: without a record of what is done, nothing is done.
    private func closeAudit(_ error: DeviceError) {
        audit = nil
        auditProblem = "vigil-shell: refused: cannot write the audit log " + settings.auditLog + " (" + error.message + "); ask the administrator"
    }

    public var auditRefusal: String? { audit == nil ? auditProblem : nil }

    public func write(_ text: String) { writeAll(1, Array(text.utf8)) }

    public func writeError(_ text: String) { writeAll(2, Array((text + "\n").utf8)) }
}
