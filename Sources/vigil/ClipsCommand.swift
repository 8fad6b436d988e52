import VigilCore
import VigilDevices
import VigilEvidence

let clipsCommand = Command(
    spec: CommandSpec(
        name: "clips", summary: "list the clips in a directory: number, start, event, frames, size, state, hold",
        options: [
            OptionSpec("dir", value: "DIR", help: "the clip directory (default " + defaultClipDirectory + ")"),
            OptionSpec("json", help: "one JSON object per clip instead of a table"),
        ],
        details: "Reads only the headers and trailers: no key is needed, and nothing is decrypted. 'vigil verify DIR' checks them."),
    run: { arguments throws(UsageError) in
        listClips(directory: arguments.value("dir") ?? defaultClipDirectory, json: arguments.flag("json"))
    })

let defaultClipDirectory = "/var/lib/vigil/clips"

func listClips(directory: String, json: Bool) -> Int32 {
    let names: [String]
    let held: [UInt64]
    do throws(DeviceError) {
        names = try FileSystem.list(directory).filter { ClipNames.number(in: $0) != nil }
        held = try HoldList.load(directory: directory)
    } catch {
        StandardStreams.writeError("vigil clips: " + error.message)
        return 1
    }
    if !json { print("clip      start (UTC)               event    frames      bytes  state      hold") }
    for name in names {
        let inspection: ClipInspection
        do throws(DeviceError) { inspection = try ClipInspection.inspect(directory + "/" + name) } catch {
            StandardStreams.writeError("vigil clips: " + error.message)
            continue
        }
        let header = inspection.header
        let state = inspection.problem == nil ? inspection.state.name : "damaged"
        let isHeld = ClipNames.number(in: name).map { held.contains($0) } ?? false
        if json {
            var line = JSONLine()
            line.add("file", name)
            line.add("clip", Int(header?.clipNumber ?? 0))
            line.add("start", header.map { utcTimestamp(milliseconds: $0.startMilliseconds) } ?? "")
            line.add("event", header?.eventKind.name ?? "")
            line.add("frames", inspection.frames)
            line.add("bytes", inspection.bytes)
            line.add("state", state)
            line.add("hold", isHeld)
            print(line.rendered)
        } else {
            print(column(String(header?.clipNumber ?? 0), 10) + column(header.map { utcTimestamp(milliseconds: $0.startMilliseconds) } ?? "?", 26)
                  + column(header?.eventKind.name ?? "?", 9) + column(String(inspection.frames), 7, right: true)
                  + column(String(inspection.bytes), 11, right: true) + "  " + column(state, 11) + (isHeld ? "held" : ""))
        }
    }
    return 0
}

private func column(_ text: String, _ width: Int, right: Bool = false) -> String {
    var padded = text
    while padded.count < width { padded = right ? " " + padded : padded + " " }
    return padded
}
