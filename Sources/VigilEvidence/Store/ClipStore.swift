import VigilDevices

/// A directory of clips written by this unit: it recovers torn clips at start-up, numbers and
/// chains new clips, writes them through `ClipFileWriter`, and has the governor keep them
/// within the storage policy: before a clip, every 16 chunks of it, and after it (the policy's
/// "now" is the clip's start time). When the filesystem fills up first, the governor deletes
/// the oldest clips it may, one at a time, until the open clip's next bytes fit.
/// Fail closed: without two distinct reviewer keys it refuses to exist, so nothing is ever
/// recorded that two reviewers could not open, and nothing is ever recorded in the clear.
public final class ClipStore {
    public let directory: String
    public let unit: UnitSigningKey
    public let recipients: [ReviewerPublicKey]
    public let syncEvery: Int
    public let governor: StorageGovernor
    private let filesystem: StoreFilesystem
    /// Clip numbers the governor deleted, oldest first.
    public private(set) var evicted: [UInt64] = []
    private var chunksSinceEnforcement = 0
    static let enforceEveryChunks = 16
    /// What start-up found and did with torn clips.
    public let recovered: [TornClipRecovery.Outcome]
    public private(set) var tip: ChainTip
    private var writer: ClipFileWriter?
    public private(set) var closedPaths: [String] = []

    public init(directory: String, unitKeyPath: String, recipients: [ReviewerPublicKey], syncEvery: Int,
                policy: StoragePolicy, filesystem: StoreFilesystem = .system) throws(StoreError) {
        var distinct: [ReviewerPublicKey] = []
        for recipient in recipients where !distinct.contains(recipient) { distinct.append(recipient) }
        guard distinct.count >= 2 else { throw .clip(.tooFewRecipients(distinct.count)) }
        self.directory = directory
        self.recipients = distinct
        self.syncEvery = syncEvery
        self.filesystem = filesystem
        do throws(DeviceError) {
            try FileSystem.makeDirectory(directory)
            unit = try UnitKeyFile.loadOrCreate(unitKeyPath)
            recovered = try TornClipRecovery.recoverAll(directory: directory, unit: unit)
            tip = try ChainTip.load(directory: directory)
        } catch {
            throw .device(error)
        }
        governor = StorageGovernor(directory: directory, policy: policy, unit: unit, filesystem: filesystem)
        do throws(DeviceError) { try DeletionLog.claimRoom(directory: directory, filesystem: filesystem) } catch { throw .device(error) }
    }

    public func begin(kind: EventKind, startMilliseconds: Int64) throws(StoreError) {
        if writer != nil { try close() }
        evicted += try governor.enforce(now: startMilliseconds, reserve: 0, protecting: nil)
        let number = tip.clipNumber + 1
        let sealer: ClipSealer
        do throws(ClipError) {
            sealer = try ClipSealer(unit: unit, recipients: recipients, clipNumber: number, eventKind: kind,
                                    startMilliseconds: startMilliseconds, previousHeaderHash: tip.headerHash)
        } catch {
            throw .clip(error)
        }
        let opened: ClipFileWriter
        let makeRoom = { () throws(DeviceError) -> Bool in try self.deleteOldestClip(now: startMilliseconds, protecting: number) }
        do throws(DeviceError) {
            opened = try ClipFileWriter(sealer: sealer, directory: directory, syncEvery: syncEvery, filesystem: filesystem, makeRoom: makeRoom)
        } catch {
            throw StoreError(writing: error, closedClip: nil)
        }
        writer = opened
        do throws(DeviceError) {
            tip = ChainTip(clipNumber: number, headerHash: sealer.headerHash)
            try saveTip(makeRoom: makeRoom)
        } catch {
            throw StoreError(writing: error, closedClip: closeAfterFailure())
        }
    }

    /// Appends one frame record to the open clip. On a failure the clip is closed with the
    /// frames written before it, so that nothing is left half-written.
    public func append(record: UnsafeRawBufferPointer) throws(StoreError) {
        guard let writer else { return }
        let header = writer.sealer.header
        do throws(DeviceError) {
            try writer.append(record: record) { () throws(DeviceError) -> Bool in
                try deleteOldestClip(now: header.startMilliseconds, protecting: header.clipNumber)
            }
        } catch {
            throw StoreError(writing: error, closedClip: closeAfterFailure())
        }
        chunksSinceEnforcement += 1
        if chunksSinceEnforcement >= ClipStore.enforceEveryChunks {
            chunksSinceEnforcement = 0
            do throws(StoreError) {
                evicted += try governor.enforce(now: writer.sealer.header.startMilliseconds, reserve: 0, protecting: writer.sealer.header.clipNumber)
            } catch {
                _ = closeAfterFailure()
                throw error
            }
        }
    }

    /// Rewrites the chain file; that takes a new file, so it too may need room freed first.
    private func saveTip(makeRoom: () throws(DeviceError) -> Bool) throws(DeviceError) {
        while true {
            do throws(DeviceError) { return try tip.save(directory: directory) } catch {
                guard error.errno == .noSpace, try makeRoom() else { throw error }
            }
        }
    }

    /// Frees room on a full filesystem for clip `protecting`: the governor deletes the oldest
    /// clip it may. False when none is left.
    private func deleteOldestClip(now: Int64, protecting: UInt64) throws(DeviceError) -> Bool {
        guard let number = try governor.deleteOldest(now: now, protecting: protecting) else { return false }
        evicted.append(number)
        return true
    }

    /// Closes the open clip after a failure, if it can be; its file name, or nil when it was
    /// left as a `.partial` of complete chunks for recovery.
    private func closeAfterFailure() -> String? {
        guard let open = writer else { return nil }
        writer = nil
        do throws(DeviceError) { try open.close() } catch { return nil }
        closedPaths.append(open.closedPath)
        return open.closedPath
    }

    public func close() throws(StoreError) {
        guard let open = writer else { return }
        writer = nil
        do throws(DeviceError) { try open.close() } catch { throw StoreError(writing: error, closedClip: nil) }
        closedPaths.append(open.closedPath)
        let header = open.sealer.header
        evicted += try governor.enforce(now: header.startMilliseconds, reserve: 0, protecting: header.clipNumber)
    }
}
