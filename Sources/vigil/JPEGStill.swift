import CTurboJPEG
import VigilCore
import VigilPrivacy

/// Why a still could not be read or written; `message` says what to do.
struct StillError: Error {
    let message: String
}

/// JPEG stills through turbojpeg, in YUV planes so that redaction paints the same planes a
/// stream has: the decoder fills a `RawFrame`, the encoder takes only a `RedactedFrame`.
enum JPEGStill {
    /// The JPEG decoded into a raw frame; its size is checked against `maximumPixels` before
    /// anything is decoded.
    static func decode(_ jpeg: [UInt8], maximumPixels: Int) throws(StillError) -> RawFrame {
        guard let handle = tjInitDecompress() else { throw StillError(message: "turbojpeg could not start a decoder") }
        defer { tjDestroy(handle) }
        var width: Int32 = 0, height: Int32 = 0, subsampling: Int32 = 0, colourSpace: Int32 = 0
        guard tjDecompressHeader3(handle, jpeg, UInt(jpeg.count), &width, &height, &subsampling, &colourSpace) == 0 else {
            throw StillError(message: "not a readable JPEG (" + String(cString: tjGetErrorStr2(handle)) + ")")
        }
        guard Int(width) * Int(height) <= maximumPixels else {
            throw StillError(message: "the image is \(width)x\(height), more than the \(maximumPixels) pixels allowed (max_image_pixels in [redaction])")
        }
        guard let format = chromaFormat(subsampling), colourSpace == Int32(TJCS_YCbCr.rawValue) || colourSpace == Int32(TJCS_GRAY.rawValue) else {
            throw StillError(message: "unsupported JPEG colour layout (subsampling \(subsampling), colour space \(colourSpace)); re-encode it as 4:2:0 YCbCr")
        }
        // Any warning (a truncated or damaged file) is an error: a half-decoded picture is not passed on.
        let raw = RawFrame(width: Int(width), height: Int(height), format: format, evenLuma: true)
        let status = raw.capture { frame in
            // turbojpeg writes whole pixel pairs: each plane must hold what it says it writes.
            for (component, plane) in frame.planes.enumerated() {
                let needed = tjPlaneSizeYUV(Int32(component), width, Int32(plane.stride), height, subsampling)
                precondition(needed != UInt.max && Int(needed) <= plane.pixels.count, "JPEG plane \(component) needs \(needed) bytes")
            }
            var planes: [UnsafeMutablePointer<UInt8>?] = frame.planes.map { $0.pixels.baseAddress }
            var strides: [Int32] = frame.planes.map { Int32($0.stride) }
            return tjDecompressToYUVPlanes(handle, jpeg, UInt(jpeg.count), &planes, Int32(frame.luma.width), &strides,
                                           Int32(frame.luma.height), Int32(TJFLAG_STOPONWARNING))
        }
        guard status == 0 else { throw StillError(message: "damaged JPEG (" + String(cString: tjGetErrorStr2(handle)) + ")") }
        return raw
    }

    /// The redacted frame as a JPEG at quality 90.
    static func encode(_ redacted: borrowing RedactedFrame) throws(StillError) -> [UInt8] {
        guard let handle = tjInitCompress() else { throw StillError(message: "turbojpeg could not start an encoder") }
        defer { tjDestroy(handle) }
        let subsampling = Int32(sampling(redacted.format).rawValue)
        var jpeg: UnsafeMutablePointer<UInt8>? = nil
        var size: UInt = 0
        defer { tjFree(jpeg) }
        let status = redacted.read { luma, chroma in
            var planes: [UnsafePointer<UInt8>?] = [UnsafePointer(luma.pixels.baseAddress)]
            var strides: [Int32] = [Int32(luma.stride)]
            if let chroma {
                planes += [UnsafePointer(chroma.cb.pixels.baseAddress), UnsafePointer(chroma.cr.pixels.baseAddress)]
                strides += [Int32(chroma.cb.stride), Int32(chroma.cr.stride)]
            }
            return tjCompressFromYUVPlanes(handle, &planes, Int32(luma.width), &strides, Int32(luma.height), subsampling, &jpeg, &size, 90, 0)
        }
        guard status == 0, let jpeg else { throw StillError(message: "JPEG encoding failed (" + String(cString: tjGetErrorStr2(handle)) + ")") }
        return Array(UnsafeBufferPointer(start: jpeg, count: Int(size)))
    }

    private static func chromaFormat(_ subsampling: Int32) -> ChromaFormat? {
        switch subsampling {
        case Int32(TJSAMP_GRAY.rawValue): .mono
        case Int32(TJSAMP_420.rawValue): .yuv420
        case Int32(TJSAMP_422.rawValue): .yuv422
        case Int32(TJSAMP_444.rawValue): .yuv444
        default: nil
        }
    }

    private static func sampling(_ format: ChromaFormat) -> TJSAMP {
        switch format {
        case .mono: TJSAMP_GRAY
        case .yuv420: TJSAMP_420
        case .yuv422: TJSAMP_422
        case .yuv444: TJSAMP_444
        }
    }
}
