import CSodium
import CTurboJPEG

/// The statically linked C libraries work on this architecture: a known answer from
/// libsodium and a JPEG round trip through libturbojpeg, inside the firmware itself.
let linkedLibraryChecks: [SelfCheck] = [
    SelfCheck("libs.sodium-blake2b-known-answer") { r in
        r.expect(sodium_init() >= 0, "sodium_init")
        var digest = [UInt8](repeating: 0, count: 32)
        let input: [UInt8] = Array("abc".utf8)
        _ = crypto_generichash(&digest, 32, input, UInt64(input.count), nil, 0)
        // BLAKE2b-256("abc"), RFC 7693 test vectors.
        r.expect(digest.prefix(8) == [0xBD, 0xDD, 0x81, 0x3C, 0x63, 0x42, 0x39, 0x72], "digest prefix")
    },
    SelfCheck("libs.turbojpeg-grey-round-trip") { r in
        let width = 32, height = 16
        var pixels = [UInt8](repeating: 0, count: width * height)
        for y in 0..<height { for x in 0..<width { pixels[y * width + x] = UInt8(x * 8) } }
        guard let encoder = tjInitCompress(), let decoder = tjInitDecompress() else { return r.fail("turbojpeg handles") }
        defer { tjDestroy(encoder); tjDestroy(decoder) }
        var jpeg: UnsafeMutablePointer<UInt8>? = nil
        var jpegSize: UInt = 0
        let encoded = tjCompress2(encoder, pixels, Int32(width), 0, Int32(height), Int32(TJPF_GRAY.rawValue),
                                  &jpeg, &jpegSize, Int32(TJSAMP_GRAY.rawValue), 90, 0)
        defer { tjFree(jpeg) }
        r.expect(encoded == 0 && jpegSize > 100, "compressed")
        var decoded = [UInt8](repeating: 0, count: width * height)
        let status = tjDecompress2(decoder, jpeg, jpegSize, &decoded, Int32(width), 0, Int32(height), Int32(TJPF_GRAY.rawValue), 0)
        r.expect(status == 0, "decompressed")
        var worst = 0
        for i in 0..<pixels.count { worst = max(worst, abs(Int(pixels[i]) - Int(decoded[i]))) }
        r.expect(worst <= 8, "pixels within 8 levels after q90 (worst \(worst))")
    },
]
