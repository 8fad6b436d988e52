/// How much flash the clips may take and for how long they are kept.
public struct StoragePolicy: Sendable {
    /// At most this many bytes of clips; 0: no byte quota.
    public var quotaBytes: Int
    /// At most this share of the filesystem, in percent; 0: no share quota.
    public var quotaPercent: Int
    /// Clips older than this are deleted unless held; 0: kept until space runs short.
    public var retentionMilliseconds: Int64

    public static let defaultRetentionMilliseconds: Int64 = 72 * 3_600_000

    public init(quotaBytes: Int = 0, quotaPercent: Int = 90, retentionMilliseconds: Int64 = defaultRetentionMilliseconds) {
        self.quotaBytes = quotaBytes
        self.quotaPercent = quotaPercent
        self.retentionMilliseconds = retentionMilliseconds
    }

    /// The smaller of the two quotas for a filesystem of `filesystemBytes`, or nil if neither is set.
    public func quota(filesystemBytes: Int) -> Int? {
        let share = quotaPercent > 0 ? filesystemBytes / 100 * quotaPercent : nil
        switch (quotaBytes > 0 ? quotaBytes : nil, share) {
        case (let bytes?, let share?): return min(bytes, share)
        case (let bytes?, nil): return bytes
        case (nil, let share?): return share
        case (nil, nil): return nil
        }
    }
}
