import CSystem

/// A C `errno` value with its text.
public struct Errno: Error, Equatable, Sendable {
    public let rawValue: Int32

    public init(rawValue: Int32) { self.rawValue = rawValue }

    /// The calling thread's current errno.
    public static var current: Errno { Errno(rawValue: vigil_errno()) }

    public static let interrupted = Errno(rawValue: EINTR)
    public static let wouldBlock = Errno(rawValue: EAGAIN)
    public static let noSuchFile = Errno(rawValue: ENOENT)
    public static let noSuchDevice = Errno(rawValue: ENODEV)
    public static let permissionDenied = Errno(rawValue: EACCES)
    public static let busy = Errno(rawValue: EBUSY)
    public static let invalidArgument = Errno(rawValue: EINVAL)
    public static let noSpace = Errno(rawValue: ENOSPC)
    public static let notSupported = Errno(rawValue: EOPNOTSUPP)

    public var description: String { String(cString: strerror(rawValue)) }
}

/// Runs a system call, retrying while it fails with EINTR: a signal (SIGHUP for a reload,
/// SIGCHLD) must never be mistaken for a device failure.
@inline(__always)
func retryingOnInterrupt<Count: FixedWidthInteger & SignedInteger>(_ call: () -> Count) -> Result<Count, Errno> {
    while true {
        let result = call()
        if result >= 0 { return .success(result) }
        let error = Errno.current
        if error != .interrupted { return .failure(error) }
    }
}
