import VigilCore
import VigilDevices

// Embedded Swift has no `CommandLine`: take argc/argv from the C entry point, in both builds.
// SwiftPM links executables with `main` defined as `<module>_main`, so that is the name here.
@_cdecl("vigil_main")
func main(_ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>) -> Int32 {
    StandardStreams.lineBufferStandardOutput()
    var arguments: [String] = []
    for index in 1..<Int(argc) {
        if let argument = argv[index] { arguments.append(String(cString: argument)) }
    }
    if let program = argv[0], invokedName(String(cString: program)) == loginShellName {
        return runCommandLine(shellArguments(arguments))
    }
    if arguments.first == "shell" { return runCommandLine(shellArguments(Array(arguments.dropFirst()))) }
    return runCommandLine(arguments)
}

func runCommandLine(_ arguments: [String]) -> Int32 {
    let dispatch = CommandDispatch(programSummary: programSummary, specs: commands.map { $0.spec })
    switch dispatch.resolve(arguments) {
    case .printHelp(let text):
        print(text, terminator: "")
        return 0
    case .printVersion:
        printVersion()
        return 0
    case .usageError(let error):
        StandardStreams.writeError(error.message)
        return UsageError.exitStatus
    case .run(let spec, let parsed):
        guard let command = commands.first(where: { $0.spec.name == spec.name }) else { return UsageError.exitStatus }
        do throws(UsageError) {
            return try command.run(parsed)
        } catch {
            StandardStreams.writeError(error.message)
            return UsageError.exitStatus
        }
    }
}

/// The program's name as invoked: argv[0]'s last path component, without the '-' login prefixes.
func invokedName(_ program: String) -> String {
    let name = program.split(separator: "/").last.map(String.init) ?? program
    return name.hasPrefix("-") ? String(name.dropFirst()) : name
}
