import VigilCore

/// A subcommand: how it is called and what it does. `run` returns the exit status and throws
/// only for usage mistakes it finds in option values (exit status 2).
struct Command: Sendable {
    let spec: CommandSpec
    let run: @Sendable (ParsedArguments) throws(UsageError) -> Int32
}

let programSummary = "vigil - firmware of a pole-mounted camera unit for public squares:\n"
    + "watches for falls and incidents, pixelates faces at the source, records encrypted clips locally."

/// Every command, in the order `vigil help` lists them.
let commands: [Command] = [runCommand, diagCommand, statusCommand, snapshotCommand, shellCommand, replayCommand, facesCommand, redactCommand, configCommand, keygenCommand, openCommand, verifyCommand, clipsCommand, holdCommand, releaseCommand, probeCommand, sceneCommand, selftestCommand, versionCommand]
