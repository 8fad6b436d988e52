import VigilDevices

/// Keeps the clips within the storage policy: deletes clips past retention, then the oldest
/// clips while the directory is over its quota, so the newest event can always be recorded;
/// and, when the filesystem fills up before the quota is reached, the oldest clip on request.
/// Held clips and the clip being written are never deleted. Every deletion is first written,
/// signed, to the deletion log.
public final class StorageGovernor {
    public let directory: String
    public let policy: StoragePolicy
    private let unit: UnitSigningKey
    private let filesystem: StoreFilesystem

    public init(directory: String, policy: StoragePolicy, unit: UnitSigningKey, filesystem: StoreFilesystem = .system) {
        self.directory = directory
        self.policy = policy
        self.unit = unit
        self.filesystem = filesystem
    }

    struct StoredClip {
        let number: UInt64
        let path: String
        let bytes: Int
        let startMilliseconds: Int64?
        let isPartial: Bool
    }

    /// Enforces the policy at `now`, leaving room for `reserve` more bytes; never deletes clip
    /// `protecting`. Returns the clip numbers it deleted, oldest first.
    public func enforce(now: Int64, reserve: Int, protecting: UInt64?) throws(StoreError) -> [UInt64] {
        let outcome: (deleted: [UInt64], stillOver: (quota: Int, heldBytes: Int, heldClips: Int)?)
        do throws(DeviceError) { outcome = try deleteWhatMustGo(now: now, reserve: reserve, protecting: protecting) } catch { throw .device(error) }
        if let over = outcome.stillOver { throw .quotaFilled(quota: over.quota, heldBytes: over.heldBytes, heldClips: over.heldClips) }
        return outcome.deleted
    }

    private func deleteWhatMustGo(now: Int64, reserve: Int, protecting: UInt64?) throws(DeviceError)
        -> (deleted: [UInt64], stillOver: (quota: Int, heldBytes: Int, heldClips: Int)?) {
        let clips = try storedClips()
        let held = try HoldList.load(directory: directory)
        var usage = clips.reduce(0) { $0 + $1.bytes }
        let quota = policy.quota(filesystemBytes: try filesystem.capacity(directory))
        var deleted: [UInt64] = []
        for clip in clips where !clip.isPartial && clip.number != protecting && !held.contains(clip.number) {
            let expired = policy.retentionMilliseconds > 0 && (clip.startMilliseconds.map { now - $0 > policy.retentionMilliseconds } ?? false)
            let overQuota = quota.map { usage + reserve > $0 } ?? false
            guard expired || overQuota else { continue }
            try delete(clip, reason: expired ? "retention" : "quota", now: now)
            usage -= clip.bytes
            deleted.append(clip.number)
        }
        if !deleted.isEmpty { try FileSystem.syncDirectory(containing: directory + "/" + DeletionLog.fileName) }
        guard let quota, usage + reserve > quota else { return (deleted, nil) }
        let heldClips = clips.filter { held.contains($0.number) }
        return (deleted, (quota, heldClips.reduce(0) { $0 + $1.bytes }, heldClips.count))
    }

    /// Makes room on a full filesystem: deletes the oldest clip that is neither held nor
    /// `protecting` (logged as `full`). Returns its number, or nil when no such clip is left.
    public func deleteOldest(now: Int64, protecting: UInt64) throws(DeviceError) -> UInt64? {
        let held = try HoldList.load(directory: directory)
        guard let oldest = try storedClips().first(where: { !$0.isPartial && $0.number != protecting && !held.contains($0.number) }) else { return nil }
        try delete(oldest, reason: "full", now: now)
        try FileSystem.syncDirectory(containing: oldest.path)
        return oldest.number
    }

    private func delete(_ clip: StoredClip, reason: String, now: Int64) throws(DeviceError) {
        try DeletionLog.append(directory: directory, clipNumber: clip.number, reason: reason, milliseconds: now, unit: unit, filesystem: filesystem)
        try FileSystem.remove(clip.path)
    }

    /// The clip files, oldest (lowest number) first.
    func storedClips() throws(DeviceError) -> [StoredClip] {
        var clips: [StoredClip] = []
        for name in try FileSystem.list(directory) {
            guard let number = ClipNames.number(in: name) else { continue }
            let path = directory + "/" + name
            let prefix = try FileSystem.readPrefix(path, count: ClipHeader.encodedLength(recipients: ClipHeader.recipientLimit.upperBound))
            var start: Int64? = nil
            if case .success(let header) = ClipHeader.decode(prefix) { start = header.startMilliseconds }
            clips.append(StoredClip(number: number, path: path, bytes: try FileSystem.size(path), startMilliseconds: start,
                                    isPartial: name.hasSuffix(ClipNames.partialSuffix)))
        }
        return clips.sorted { $0.number < $1.number }
    }
}
