/// Copies a camera buffer in one of the layouts vigil reads natively into a frame's planes,
/// without changing the sampling: YUYV stays 4:2:2, NV12 and YU12 stay 4:2:0, GREY is luma
/// only. Anything else goes through libv4lconvert first (`V4LConversion`).
public enum PixelUnpacker {
    public static let yu12 = FourCC(rawValue: 0x3231_5559)

    /// The chroma format a frame needs to hold `fourcc`, or nil if vigil cannot unpack it itself.
    public static func chroma(for fourcc: FourCC) -> ChromaFormat? {
        switch fourcc {
        case .yuyv: return .yuv422
        case .nv12, yu12: return .yuv420
        case .grey: return .mono
        default: return nil
        }
    }

    /// The bytes a whole picture of this layout needs, so a short buffer (a torn or corrupt
    /// frame) is refused instead of read past its end.
    public static func minimumBytes(for fourcc: FourCC, width: Int, height: Int, bytesPerLine: Int) -> Int? {
        switch fourcc {
        case .yuyv, .grey: return bytesPerLine * height
        case .nv12: return bytesPerLine * height + bytesPerLine * ((height + 1) / 2)
        case yu12: return bytesPerLine * height + 2 * (bytesPerLine / 2) * ((height + 1) / 2)
        default: return nil
        }
    }

    /// Unpacks `bytes` into `frame` (of the picture's size and `chroma(for:)` format).
    /// Returns false, leaving `frame` untouched, when the buffer is too short for the picture.
    public static func unpack(_ bytes: UnsafeRawBufferPointer, fourcc: FourCC, bytesPerLine: Int, into frame: Frame) -> Bool {
        let width = frame.luma.width, height = frame.luma.height
        guard let needed = minimumBytes(for: fourcc, width: width, height: height, bytesPerLine: bytesPerLine),
              bytes.count >= needed, frame.format == chroma(for: fourcc),
              bytesPerLine >= (fourcc == .yuyv ? 2 * width : width) else { return false }
        let source = bytes.bindMemory(to: UInt8.self)
        switch fourcc {
        case .yuyv:
            guard let (cb, cr) = frame.chroma else { return false }
            for y in 0..<height {
                unpackYUYVRow(bytes.baseAddress! + y * bytesPerLine, width: width, luma: frame.luma.row(y), blue: cb.row(y), red: cr.row(y))
            }
        case .nv12:
            guard let (cb, cr) = frame.chroma else { return false }
            copyRows(source, offset: 0, stride: bytesPerLine, into: frame.luma)
            let chromaStart = bytesPerLine * height
            for y in 0..<cb.height {
                let line = chromaStart + y * bytesPerLine
                let blue = cb.row(y), red = cr.row(y)
                for x in 0..<cb.width {
                    blue[x] = source[line + 2 * x]
                    red[x] = source[line + 2 * x + 1]
                }
            }
        case yu12:
            guard let (cb, cr) = frame.chroma else { return false }
            copyRows(source, offset: 0, stride: bytesPerLine, into: frame.luma)
            let chromaStride = bytesPerLine / 2
            copyRows(source, offset: bytesPerLine * height, stride: chromaStride, into: cb)
            copyRows(source, offset: bytesPerLine * height + chromaStride * cb.height, stride: chromaStride, into: cr)
        case .grey:
            copyRows(source, offset: 0, stride: bytesPerLine, into: frame.luma)
        default:
            return false
        }
        return true
    }

    /// One YUYV row, four pixels (eight bytes) a step: one load and three stores instead of
    /// sixteen byte moves, on the thread that also analyses.
    private static func unpackYUYVRow(_ source: UnsafeRawPointer, width: Int, luma: UnsafeMutableBufferPointer<UInt8>,
                                      blue: UnsafeMutableBufferPointer<UInt8>, red: UnsafeMutableBufferPointer<UInt8>) {
        let lumaOut = UnsafeMutableRawPointer(luma.baseAddress!), blueOut = UnsafeMutableRawPointer(blue.baseAddress!)
        let redOut = UnsafeMutableRawPointer(red.baseAddress!)
        var x = 0
        while x + 4 <= width {
            // Bytes Y0 U0 Y1 V0 Y2 U1 Y3 V1, first in the lowest bits.
            let word = UInt64(littleEndian: source.loadUnaligned(fromByteOffset: 2 * x, as: UInt64.self))
            let lumas = UInt32(truncatingIfNeeded: (word & 0xff) | (word >> 8 & 0xff00) | (word >> 16 & 0xff_0000) | (word >> 24 & 0xff00_0000))
            let blues = UInt16(truncatingIfNeeded: (word >> 8 & 0xff) | (word >> 32 & 0xff00))
            let reds = UInt16(truncatingIfNeeded: (word >> 24 & 0xff) | (word >> 48 & 0xff00))
            lumaOut.storeBytes(of: lumas.littleEndian, toByteOffset: x, as: UInt32.self)
            blueOut.storeBytes(of: blues.littleEndian, toByteOffset: x / 2, as: UInt16.self)
            redOut.storeBytes(of: reds.littleEndian, toByteOffset: x / 2, as: UInt16.self)
            x += 4
        }
        let bytes = source.assumingMemoryBound(to: UInt8.self)
        while x + 2 <= width {
            luma[x] = bytes[2 * x]
            blue[x / 2] = bytes[2 * x + 1]
            luma[x + 1] = bytes[2 * x + 2]
            red[x / 2] = bytes[2 * x + 3]
            x += 2
        }
    }

    private static func copyRows(_ source: UnsafeBufferPointer<UInt8>, offset: Int, stride: Int, into plane: Plane) {
        for y in 0..<plane.height {
            let start = offset + y * stride
            _ = plane.row(y).update(fromContentsOf: source[start..<(start + plane.width)])
        }
    }
}
