/// The stream header of a YUV4MPEG2 file: `YUV4MPEG2 W640 H480 F30:1 Ip A1:1 C420jpeg ...`.
public struct Y4MHeader: Equatable, Sendable {
    public let width: Int
    public let height: Int
    public let frameRateNumerator: Int
    public let frameRateDenominator: Int
    public let chroma: ChromaFormat

    /// Frames larger than this are refused before anything is allocated.
    public static let maximumDimension = 8192

    public init(width: Int, height: Int, frameRateNumerator: Int, frameRateDenominator: Int, chroma: ChromaFormat) {
        self.width = width
        self.height = height
        self.frameRateNumerator = frameRateNumerator
        self.frameRateDenominator = frameRateDenominator
        self.chroma = chroma
    }

    /// Parses the header line (without its newline).
    public init(parsing line: [UInt8]) throws(Y4MError) {
        let fields = line.split(separator: 0x20)
        guard let magic = fields.first, magic.elementsEqual("YUV4MPEG2".utf8) else { throw .notY4M }
        var width: Int? = nil
        var height: Int? = nil
        var rate: (Int, Int)? = nil
        var chroma = ChromaFormat.yuv420  // the format's default when no C parameter is given
        for field in fields.dropFirst() {
            guard let tag = field.first else { continue }
            let value = String(decoding: field.dropFirst(), as: UTF8.self)
            switch tag {
            case UInt8(ascii: "W"): width = try Y4MHeader.dimension(value, "W")
            case UInt8(ascii: "H"): height = try Y4MHeader.dimension(value, "H")
            case UInt8(ascii: "F"): rate = try Y4MHeader.ratio(value)
            case UInt8(ascii: "C"): chroma = try Y4MHeader.colourSpace(value)
            case UInt8(ascii: "I"), UInt8(ascii: "A"), UInt8(ascii: "X"): continue  // interlacing, aspect, extensions
            default: throw .badParameter(String(decoding: field, as: UTF8.self))
            }
        }
        guard let width, let height else { throw .missingParameter("W and H (the frame size)") }
        guard let rate else { throw .missingParameter("F (the frame rate)") }
        self.init(width: width, height: height, frameRateNumerator: rate.0, frameRateDenominator: rate.1, chroma: chroma)
    }

    private static func dimension(_ text: String, _ tag: String) throws(Y4MError) -> Int {
        guard let value = Int(text), value > 0, value <= maximumDimension else {
            throw .badParameter(tag + text + " (sizes from 1 to \(maximumDimension))")
        }
        return value
    }

    private static func ratio(_ text: String) throws(Y4MError) -> (Int, Int) {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 2, let numerator = Int(parts[0]), let denominator = Int(parts[1]),
              // Any 32-bit ratio, as ffmpeg writes for AVI time bases (F214748359:3579125), up to 1000 fps.
              numerator > 0, denominator > 0, numerator <= Int(Int32.max), denominator <= Int(Int32.max),
              numerator / denominator <= 1000
        else { throw .badParameter("F" + text + " (a frame rate such as F25:1 or F30000:1001)") }
        return (numerator, denominator)
    }

    private static func colourSpace(_ text: String) throws(Y4MError) -> ChromaFormat {
        switch text {
        case "420jpeg", "420paldv", "420mpeg2", "420": return .yuv420
        case "422": return .yuv422
        case "444": return .yuv444
        case "mono": return .mono
        default: throw .unsupportedColourSpace(text)
        }
    }

    /// Bytes of one frame's pixel data: luma plus both chroma planes, packed.
    public var frameBytes: Int {
        let chromaBytes = chroma.chromaSize(width: width, height: height).map { 2 * $0.width * $0.height } ?? 0
        return width * height + chromaBytes
    }

    /// Milliseconds from the first frame to frame `index`, in integers.
    public func milliseconds(atFrame index: Int) -> Int {
        index * 1000 * frameRateDenominator / frameRateNumerator
    }
}

public enum Y4MError: Error, Equatable, Sendable {
    case notY4M
    case emptyStream
    case headerTooLong
    case badParameter(String)
    case missingParameter(String)
    case unsupportedColourSpace(String)
    case badFrameMarker(frame: Int)
    case truncatedFrame(frame: Int, got: Int, expected: Int)
    case readFailed(String)

    public var message: String {
        switch self {
        case .notY4M:
            return "not a YUV4MPEG2 stream (it must start with 'YUV4MPEG2 '); convert with: ffmpeg -i IN -f yuv4mpegpipe -pix_fmt gray -"
        case .emptyStream:
            return "the stream is empty: not a single byte arrived (did the command writing it fail?)"
        case .headerTooLong:
            return "the YUV4MPEG2 header line is longer than 1024 bytes; the stream is damaged"
        case .badParameter(let text):
            return "bad YUV4MPEG2 header parameter '" + text + "'"
        case .missingParameter(let what):
            return "the YUV4MPEG2 header lacks " + what
        case .unsupportedColourSpace(let name):
            return "unsupported YUV4MPEG2 colour space C" + name
                + " (use C420jpeg, C420paldv, C420mpeg2, C420, C422, C444 or Cmono: ffmpeg -pix_fmt gray or yuv420p)"
        case .badFrameMarker(let frame):
            return "frame \(frame): expected a 'FRAME' line; the stream is damaged or not 8-bit YUV4MPEG2"
        case .truncatedFrame(let frame, let got, let expected):
            return "frame \(frame) is truncated: \(got) of \(expected) bytes; the stream was cut off"
        case .readFailed(let reason):
            return "reading the stream failed: " + reason
        }
    }
}
