/// A cascade whose tables do not hold together; the message says where.
public struct CascadeError: Error, Equatable {
    public let message: String

    public init(_ message: String) { self.message = message }
}
