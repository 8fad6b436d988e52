import CSystem
import VigilAppliance
import VigilCore
import VigilDevices
import VigilDiagnostics
import VigilEvidence

/// The clip filesystem: where it is mounted, space, a write + fsync probe, the clips (count,
/// oldest, newest, held, torn) and retention. Reads headers only; nothing is decrypted.
final class StorageProbe {
    let unit: UnitSettings
    private(set) var newestClipStart: Int64? = nil

    init(_ unit: UnitSettings) { self.unit = unit }

    func checks(quick: Bool) -> [DiagnosticCheck] {
        let directory = unit.storeDirectory
        guard FileSystem.isDirectory(directory) else {
            return [DiagnosticCheck("storage", "directory", .fail, "no " + directory,
                                    hint: "the flash is not mounted or the directory is missing: check mount and [store] directory")]
        }
        var checks: [DiagnosticCheck] = []
        if let mount = BoardFacts.mount(of: directory) {
            checks.append(StorageJudgement.mount(mountPoint: mount.mountPoint, filesystemType: mount.type, directory: directory))
        }
        if let free = try? FileSystem.availableBytes(directory), let total = try? FileSystem.filesystemBytes(directory) {
            checks.append(StorageJudgement.space(freeBytes: free, totalBytes: total, quotaPercent: unit.storage.quotaPercent))
        }
        if !quick { checks.append(writeProbe(directory)) }
        checks += clips(directory)
        return checks
    }

    /// 64 KB written and fsynced the way clip chunks are, then removed.
    private func writeProbe(_ directory: String) -> DiagnosticCheck {
        let path = directory + "/.diag-write-probe"
        let clock = SystemClock()
        let started = clock.nanoseconds
        let bytes = [UInt8](repeating: 0x5A, count: 64 << 10)
        switch FileDescriptor.open(path, flags: O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, mode: 0o600) {
        case .success(let fd):
            defer { _ = unlink(path) }
            let failure: Errno?
            if case .failure(let error) = bytes.withUnsafeBytes({ fd.write($0) }) { failure = error } else { failure = fd.sync() }
            if let failure { return StorageJudgement.writeProbe(microseconds: 0, errorText: failure.description, noSpace: failure == .noSpace) }
            return StorageJudgement.writeProbe(microseconds: Int((clock.nanoseconds - started) / 1000), errorText: nil, noSpace: false)
        case .failure(let error):
            if error == .permissionDenied {
                return DiagnosticCheck("storage", "write + fsync", .warn, "not tried: " + error.description,
                                       hint: "this account may not write the clip directory; run diag as the vigil user or root to probe the flash")
            }
            return StorageJudgement.writeProbe(microseconds: 0, errorText: error.description, noSpace: error == .noSpace)
        }
    }

    private func clips(_ directory: String) -> [DiagnosticCheck] {
        let names: [String]
        do throws(DeviceError) { names = try FileSystem.list(directory) } catch {
            return [DiagnosticCheck("storage", "clips", .warn, error.message, hint: "this account may not list the clips; run diag as the vigil user or root")]
        }
        let closed = names.filter { $0.hasSuffix(ClipNames.closedSuffix) && ClipNames.number(in: $0) != nil }
            .sorted { (ClipNames.number(in: $0) ?? 0) < (ClipNames.number(in: $1) ?? 0) }
        let torn = names.filter { $0.hasSuffix(ClipNames.partialSuffix) }.count
        let held = (try? HoldList.load(directory: directory)) ?? []
        var checks: [DiagnosticCheck] = []
        let oldest = closed.first.flatMap { start(of: directory + "/" + $0) }
        newestClipStart = closed.last.flatMap { start(of: directory + "/" + $0) }
        var summary = "\(closed.count) clip(s), \(held.count) held"
        if let oldest, let newest = newestClipStart {
            summary += "; oldest " + utcTimestamp(milliseconds: oldest) + ", newest " + utcTimestamp(milliseconds: newest)
        }
        checks.append(.ok("storage", "clips", summary))
        checks.append(StorageJudgement.tornClips(torn))
        let oldestUnheld = closed.first { name in !held.contains(ClipNames.number(in: name) ?? 0) }
            .flatMap { start(of: directory + "/" + $0) }
        checks.append(StorageJudgement.retention(oldestUnheldAgeMilliseconds: oldestUnheld.map { Int(wallClockMilliseconds() - $0) },
                                                 retentionMilliseconds: Int(unit.storage.retentionMilliseconds)))
        return checks
    }

    /// The clip's start time from its header; nil when it cannot be read.
    private func start(of path: String) -> Int64? {
        guard let inspection = try? ClipInspection.inspect(path) else { return nil }
        return inspection.header?.startMilliseconds
    }
}
