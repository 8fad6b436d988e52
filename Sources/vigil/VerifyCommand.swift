import VigilCore
import VigilDevices
import VigilEvidence

let verifyCommand = Command(
    spec: CommandSpec(
        name: "verify", summary: "check clips without keys: signatures, every byte against the signed trailer, the chain, gaps",
        arguments: ["PATH"],
        options: [OptionSpec("unit", value: "FILE", help: "the unit's public key to expect (default: unit.pub in the directory, if there)")],
        details: """
            PATH is a clip or a directory of clips. One line per clip, "ok" or "FAIL" and why, then
            the chain: clips missing from the sequence (deleted by the governor, per its signed
            log, or unexplained) and clips that do not link to their predecessor (replaced,
            swapped, from another unit). In a directory that holds
            the unit's key (unit.key), torn .partial clips left by a crash are first closed as
            truncated, keeping every complete chunk.
            Exit status 0 when everything checks, 1 when anything failed or is missing unexplained.
            """),
    run: { arguments throws(UsageError) in
        verify(path: arguments.positionals[0], unitOption: arguments.value("unit"))
    })

func verify(path: String, unitOption: String?) -> Int32 {
    let isDirectory = FileSystem.isDirectory(path)
    let directory = isDirectory ? path : FileSystem.parent(of: path)
    var failed = false
    var paths = [path]
    var tip: ChainTip? = nil
    do throws(DeviceError) {
        if isDirectory {
            let unitKeyPath = directory + "/" + ClipNames.unitKey
            if FileSystem.exists(unitKeyPath) {
                for outcome in try TornClipRecovery.recoverAll(directory: directory, unit: try UnitKeyFile.loadOrCreate(unitKeyPath)) {
                    print("recovered " + outcome.description)
                }
            }
            paths = try FileSystem.list(directory).filter { ClipNames.number(in: $0) != nil }.map { directory + "/" + $0 }
            let chainPath = directory + "/" + ClipNames.chain
            if FileSystem.exists(chainPath) { tip = ChainTip.parse(try FileSystem.readFile(chainPath, limit: 4096)) }
        }
    } catch {
        StandardStreams.writeError("vigil verify: " + error.message)
        return 1
    }
    let pinned: [UInt8]?
    switch KeyFiles.unitPublicKey(option: unitOption, directory: directory) {
    case .success(let key): pinned = key
    case .failure(let error):
        StandardStreams.writeError("vigil verify: " + error.message)
        return 1
    }
    var inspections: [ClipInspection] = []
    for clipPath in paths {
        let inspection: ClipInspection
        do throws(DeviceError) { inspection = try ClipInspection.inspect(clipPath) } catch {
            print("FAIL " + clipPath + ": " + error.message)
            failed = true
            continue
        }
        inspections.append(inspection)
        var problem = inspection.problem?.message
        if problem == nil, let pinned, let header = inspection.header, header.unitKey != pinned {
            problem = ClipError.unitMismatch(expected: ChainCheck.fingerprint(pinned), found: ChainCheck.fingerprint(header.unitKey)).message
        }
        if let problem {
            print("FAIL " + inspection.name + ": " + problem)
            failed = true
        } else if let header = inspection.header {
            print("ok   " + inspection.name + ": clip \(header.clipNumber), " + header.eventKind.name + ", " + utcTimestamp(milliseconds: header.startMilliseconds)
                  + ", " + inspection.state.name + ", \(inspection.frames) frames")
        }
    }
    if isDirectory {
        var deletions: [DeletionLog.Entry] = []
        if let unitKey = pinned ?? inspections.first(where: { $0.header != nil })?.header?.unitKey {
            do throws(DeviceError) { deletions = try DeletionLog.entries(directory: directory, unitKey: unitKey) } catch {
                print("FAIL " + error.message)
                failed = true
            }
        }
        let findings = ChainCheck.check(inspections, pinnedUnit: pinned, tip: tip, deletions: deletions)
        for finding in findings { print((finding.explained ? "ok   " : finding.isGap ? "GAP  " : "FAIL ") + finding.message) }
        failed = failed || findings.contains { !$0.explained }
        print(failed ? "verify: problems found in " + path : "verify: \(inspections.count) clips, chain intact")
    }
    return failed ? 1 : 0
}
