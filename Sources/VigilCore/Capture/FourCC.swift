/// A V4L2 pixel format code: four ASCII characters packed little-endian, as `v4l2_fourcc()` does.
public struct FourCC: Equatable, Hashable, Sendable {
    public let rawValue: UInt32

    public init(rawValue: UInt32) { self.rawValue = rawValue }

    /// `nil` unless `text` is exactly four ASCII characters.
    public init?(_ text: String) {
        let bytes = Array(text.utf8)
        guard bytes.count == 4, bytes.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) else { return nil }
        rawValue = UInt32(bytes[0]) | UInt32(bytes[1]) << 8 | UInt32(bytes[2]) << 16 | UInt32(bytes[3]) << 24
    }

    public static let yuyv = FourCC(rawValue: 0x5659_5559)
    public static let nv12 = FourCC(rawValue: 0x3231_564E)
    public static let grey = FourCC(rawValue: 0x5945_5247)

    /// The four characters; unprintable bytes (a driver's private formats) show as '?'.
    public var description: String {
        var text = ""
        for shift in stride(from: 0, to: 32, by: 8) {
            let byte = UInt8(truncatingIfNeeded: rawValue >> UInt32(shift))
            text.append(Character(Unicode.Scalar(byte >= 0x20 && byte < 0x7F ? byte : 0x3F)))
        }
        return text
    }
}
