import VigilCore

/// What the clip filesystem's measurements mean.
public enum StorageJudgement {
    /// Free and total bytes of the clip filesystem; `quotaPercent` is [store] quota_percent.
    public static func space(freeBytes: Int, totalBytes: Int, quotaPercent: Int) -> DiagnosticCheck {
        let total = max(totalBytes, 1)
        let freePercent = freeBytes * 100 / total
        let value = megabytes(freeBytes) + " free of " + megabytes(totalBytes) + " (\(freePercent) %)"
        if freePercent < 100 - quotaPercent || freePercent < lowFreePercent {
            return DiagnosticCheck("storage", "free space", .warn, value,
                                   hint: "nearly full: the unit deletes the oldest clips that are not held to make room; release held clips once reviewed, or fit larger flash")
        }
        return .ok("storage", "free space", value)
    }

    /// A write + fsync of a small file on the clip filesystem; nil `errorText` means it worked.
    public static func writeProbe(microseconds: Int, errorText: String?, noSpace: Bool) -> DiagnosticCheck {
        if let errorText {
            if noSpace {
                return DiagnosticCheck("storage", "write + fsync", .warn, "no space: " + errorText,
                                       hint: "the filesystem is full: the unit makes room by deleting the oldest unheld clips when it records; release held clips")
            }
            return DiagnosticCheck("storage", "write + fsync", .fail, errorText,
                                   hint: "the clip filesystem cannot be written: check it is mounted read-write (mount), then dmesg for flash errors")
        }
        let value = decimalText(microseconds / 100, fractionDigits: 1) + " ms"
        if microseconds < slowMicroseconds { return .ok("storage", "write + fsync", value) }
        return DiagnosticCheck("storage", "write + fsync", microseconds < failMicroseconds ? .warn : .fail, value,
                               hint: "the flash is slow to sync: it may be worn; frames may be dropped while a clip is written (see the daemon's queue)")
    }

    public static func tornClips(_ count: Int) -> DiagnosticCheck {
        if count == 0 { return .ok("storage", "torn clips", "none") }
        return DiagnosticCheck("storage", "torn clips", .warn, "\(count) .partial clip(s)",
                               hint: "the unit stopped in the middle of a clip (power cut); they are closed as truncated when the daemon starts, or by 'verify'")
    }

    /// The filesystem type holding the clips and where it is mounted.
    public static func mount(mountPoint: String, filesystemType: String, directory: String) -> DiagnosticCheck {
        let value = directory + " on " + mountPoint + " (" + filesystemType + ")"
        if filesystemType == "tmpfs" || filesystemType == "ramfs" {
            return DiagnosticCheck("storage", "mounted", .fail, value, hint: "clips would be lost at power off: mount the flash partition at the clip directory ([store] directory)")
        }
        if mountPoint == "/" {
            return DiagnosticCheck("storage", "mounted", .warn, value, hint: "the clips share the root filesystem: mount the data partition there so a full store cannot fill the system")
        }
        return .ok("storage", "mounted", value)
    }

    /// The oldest clip's age against the retention; held clips are exempt.
    public static func retention(oldestUnheldAgeMilliseconds: Int?, retentionMilliseconds: Int) -> DiagnosticCheck {
        let hours = retentionMilliseconds / 3_600_000
        let value = retentionMilliseconds == 0 ? "clips kept until space runs short" : "\(hours) h"
        guard retentionMilliseconds > 0, let age = oldestUnheldAgeMilliseconds, age > retentionMilliseconds + graceMilliseconds else {
            return .ok("storage", "retention", value)
        }
        return DiagnosticCheck("storage", "retention", .warn, value + ", oldest unheld clip \(age / 3_600_000) h old",
                               hint: "expired clips are still there: expiry runs while the daemon records; check the daemon is running ('status')")
    }

    public static func megabytes(_ bytes: Int) -> String { decimalText(bytes / (1 << 20) * 10 + bytes % (1 << 20) * 10 / (1 << 20), fractionDigits: 1) + " MB" }

    static let lowFreePercent = 10
    static let slowMicroseconds = 100_000
    static let failMicroseconds = 1_000_000
    static let graceMilliseconds = 3_600_000
}
