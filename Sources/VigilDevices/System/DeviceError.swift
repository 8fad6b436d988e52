/// A failure at the edge of the system, phrased for the person who has to fix it:
/// what vigil tried, what the kernel said, and what to do about it.
public struct DeviceError: Error, Sendable {
    public let operation: String
    public let errno: Errno?
    public let hint: String

    public init(_ operation: String, errno: Errno? = nil, hint: String) {
        self.operation = operation
        self.errno = errno
        self.hint = hint
    }

    public var message: String {
        var text = operation
        if let errno { text += ": " + errno.description }
        if !hint.isEmpty { text += " - " + hint }
        return text
    }
}
