import VigilCore
import VigilDevices
import VigilEvidence

let holdCommand = Command(
    spec: CommandSpec(
        name: "hold", summary: "keep a clip under review: neither retention nor the quota deletes it", arguments: ["CLIP"],
        details: "CLIP is a clip file (DIR/clip-00000042.vclip). 'vigil release CLIP' lets it go again."),
    run: { arguments throws(UsageError) in setHold(arguments.positionals[0], held: true, command: "hold") })

let releaseCommand = Command(
    spec: CommandSpec(
        name: "release", summary: "end the hold on a clip: retention and the quota apply to it again", arguments: ["CLIP"]),
    run: { arguments throws(UsageError) in setHold(arguments.positionals[0], held: false, command: "release") })

private func setHold(_ path: String, held: Bool, command: String) -> Int32 {
    let name = String(path.split(separator: "/").last ?? Substring(path))
    guard let number = ClipNames.number(in: name), FileSystem.exists(path) else {
        StandardStreams.writeError("vigil " + command + ": " + path + " is not a clip file ('vigil clips --dir DIR' lists them)")
        return 1
    }
    do throws(DeviceError) { try HoldList.set(number, held: held, directory: FileSystem.parent(of: path)) } catch {
        StandardStreams.writeError("vigil " + command + ": " + error.message)
        return 1
    }
    print((held ? "held: " : "released: ") + name)
    return 0
}
