import CSystem
import VigilCore
import VigilDevices
import VigilEvidence

let openCommand = Command(
    spec: CommandSpec(
        name: "open", summary: "check and decrypt a clip with two reviewers' keys; write a Motion-JPEG AVI and its metadata",
        arguments: ["CLIP"],
        options: [
            OptionSpec("key", value: "FILE", repeatable: true, help: "a reviewer's .key file; give two (four-eyes rule)"),
            OptionSpec("passphrase-file", value: "KEY=FILE", repeatable: true,
                       help: "the passphrase of --key KEY is FILE's first line (else asked on a terminal)"),
            OptionSpec("out", value: "FILE.avi", help: "write the video here and its metadata to FILE.json"),
            OptionSpec("frames", value: "DIR", help: "instead of a video, write DIR/frame-NNNNNN.jpg and DIR/clip.json (DIR must not exist)"),
            OptionSpec("unit", value: "FILE", help: "the unit's public key to expect (default: unit.pub beside the clip, if there)"),
        ],
        details: """
            Checks, in order: the header's signature and the unit, the clip's place in the chain
            (its predecessor, when it is in the same directory), both reviewers' key shares, and
            every chunk: authenticated, in order, none missing, none added, the trailer's hash.
            Any failure: a message naming what failed, exit status 1, and nothing written.
            A key made with a passphrase (vigil keygen --passphrase) needs it: --passphrase-file
            KEY=FILE for each such key, or, on a terminal, a prompt per key.
            A clip cut by a crash opens up to its last complete frame and is marked truncated.
            """),
    run: { arguments throws(UsageError) in
        let out = arguments.value("out"), framesDirectory = arguments.value("frames")
        guard (out == nil) != (framesDirectory == nil) else { throw .refused(command: "open", message: "give exactly one of --out FILE.avi and --frames DIR") }
        if let out, !out.hasSuffix(".avi") { throw .badValue(option: "--out", value: out, expected: "a file name ending in .avi") }
        let keyPaths = arguments.values("key")
        var passphraseFiles: [(key: String, file: String)] = []
        for assignment in arguments.values("passphrase-file") {
            guard let keyPath = keyPaths.first(where: { assignment.hasPrefix($0 + "=") && assignment.count > $0.count + 1 }) else {
                throw .badValue(option: "--passphrase-file", value: assignment, expected: "KEY=FILE where KEY is given with --key")
            }
            passphraseFiles.append((keyPath, String(assignment.dropFirst(keyPath.count + 1))))
        }
        return openClip(path: arguments.positionals[0], keyPaths: keyPaths, passphraseFiles: passphraseFiles, unitOption: arguments.value("unit"),
                        out: out, framesDirectory: framesDirectory)
    })

private func refuse(_ message: String) -> Int32 {
    StandardStreams.writeError("vigil open: " + message)
    return 1
}

func openClip(path: String, keyPaths: [String], passphraseFiles: [(key: String, file: String)], unitOption: String?, out: String?, framesDirectory: String?) -> Int32 {
    var keys: [ReviewerSecretKey] = []
    for keyPath in keyPaths {
        switch KeyFiles.reviewerSecretKey(keyPath, passphraseFile: passphraseFiles.last(where: { $0.key == keyPath })?.file) {
        case .success(let key): keys.append(key)
        case .failure(let error): return refuse(error.message)
        }
    }
    guard keys.count == 2 else { return refuse(ClipError.notEnoughKeys(given: keys.count).message + "; give --key twice") }
    let bytes: [UInt8]
    do throws(DeviceError) { bytes = try FileSystem.readFile(path, limit: ClipInspection.fileLimit) } catch { return refuse(error.message) }
    let clip: OpenedClip
    switch ClipOpener.open(bytes, keys: keys, isPartial: path.hasSuffix(ClipNames.partialSuffix)) {
    case .success(let opened): clip = opened
    case .failure(let error): return refuse(path + ": " + error.message)
    }
    let directory = FileSystem.parent(of: path)
    switch KeyFiles.unitPublicKey(option: unitOption, directory: directory) {
    case .failure(let error): return refuse(error.message)
    case .success(let pinned):
        if let pinned, pinned != clip.header.unitKey {
            return refuse(path + ": " + ClipError.unitMismatch(expected: ChainCheck.fingerprint(pinned), found: ChainCheck.fingerprint(clip.header.unitKey)).message)
        }
    }
    let chain: String
    switch chainPosition(of: clip.header, directory: directory) {
    case .success(let verdict): chain = verdict
    case .failure(let error): return refuse(path + ": " + error.message)
    }
    if chain != "linked" { StandardStreams.writeError("vigil open: note: " + path + ": " + chain) }
    let metadata = Array(clipMetadataJSON(clip, chain: chain).utf8)
    do throws(DeviceError) {
        if let out {
            let microseconds = microsecondsPerFrame(clip.frames)
            guard let video = MotionJPEGAVI.make(frames: clip.frames.map { $0.jpeg }, microsecondsPerFrame: microseconds) else {
                return refuse(path + ": the frames are not JPEG images or exceed 1 GB; use --frames DIR")
            }
            let json = String(out.dropLast(4)) + ".json"
            try writeNew([(out, video), (json, metadata)])
            print("opened clip \(clip.header.clipNumber) (" + clip.completeness.name + "): \(clip.frames.count) frames -> " + out + ", " + json)
        } else if let framesDirectory {
            if FileSystem.exists(framesDirectory) { return refuse(framesDirectory + " exists; name a new directory") }
            try FileSystem.makeDirectory(framesDirectory)
            var files: [(path: String, contents: [UInt8])] = [(framesDirectory + "/clip.json", metadata)]
            for (index, frame) in clip.frames.enumerated() { files.append((framesDirectory + "/frame-" + sixDigits(index + 1) + ".jpg", frame.jpeg)) }
            try writeNew(files)
            print("opened clip \(clip.header.clipNumber) (" + clip.completeness.name + "): \(clip.frames.count) frames -> " + framesDirectory)
        }
    } catch {
        return refuse(error.message)
    }
    return 0
}

/// "linked" when the predecessor is present and this header links to it; otherwise why not.
/// A predecessor that is present but does not link is an error.
private func chainPosition(of header: ClipHeader, directory: String) -> Result<String, ClipError> {
    guard header.clipNumber > 1 else {
        return header.previousHeaderHash == ChainTip.empty.headerHash ? .success("linked") : .failure(.chainBroken("clip 1 must start the chain"))
    }
    let previous = directory + "/" + ClipNames.closed(header.clipNumber - 1)
    guard FileSystem.exists(previous) else { return .success("predecessor clip \(header.clipNumber - 1) not present; chain position unchecked") }
    let inspection: ClipInspection
    do throws(DeviceError) { inspection = try ClipInspection.inspect(previous) } catch { return .success("predecessor unreadable: " + error.message) }
    guard inspection.header != nil, inspection.headerHash == header.previousHeaderHash else {
        return .failure(.chainBroken("does not link to " + previous + " (a clip was replaced or swapped)"))
    }
    return .success("linked")
}

private func microsecondsPerFrame(_ frames: [FrameRecord]) -> Int {
    guard frames.count > 1, let first = frames.first, let last = frames.last, last.captureMilliseconds > first.captureMilliseconds else { return 40_000 }
    return Int(last.captureMilliseconds - first.captureMilliseconds) * 1000 / (frames.count - 1)
}

private func sixDigits(_ value: Int) -> String {
    var text = String(value)
    while text.count < 6 { text = "0" + text }
    return text
}

/// Writes every file under a temporary name first and renames them all only when all are
/// written: an error leaves nothing behind.
private func writeNew(_ files: [(path: String, contents: [UInt8])]) throws(DeviceError) {
    var written: [String] = []
    do throws(DeviceError) {
        for file in files {
            let temporary = file.path + ".part"
            let fd = try FileSystem.open(temporary, flags: O_WRONLY | O_CREAT | O_EXCL, mode: 0o600)
            written.append(temporary)
            if case .failure(let error) = file.contents.withUnsafeBytes({ fd.write($0) }) {
                throw DeviceError("write " + temporary, errno: error, hint: "is the disk full?")
            }
        }
        for file in files { try FileSystem.rename(file.path + ".part", to: file.path) }
    } catch {
        for temporary in written { _ = try? FileSystem.remove(temporary) }
        throw error
    }
}
