/// The width and height in a JPEG's start-of-frame segment, which an AVI header needs; nil
/// when the bytes are not a JPEG with one.
public func jpegDimensions(_ jpeg: [UInt8]) -> (width: Int, height: Int)? {
    guard jpeg.count >= 4, jpeg[0] == 0xFF, jpeg[1] == 0xD8 else { return nil }
    var offset = 2
    while offset + 9 <= jpeg.count {
        guard jpeg[offset] == 0xFF else { return nil }
        let marker = jpeg[offset + 1]
        let length = Int(jpeg[offset + 2]) << 8 | Int(jpeg[offset + 3])
        // SOF0...SOF15, except DHT (C4), JPG (C8) and DAC (CC), which share the range.
        if marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC {
            let height = Int(jpeg[offset + 5]) << 8 | Int(jpeg[offset + 6])
            let width = Int(jpeg[offset + 7]) << 8 | Int(jpeg[offset + 8])
            return width > 0 && height > 0 ? (width, height) : nil
        }
        guard length >= 2 else { return nil }
        offset += 2 + length
    }
    return nil
}
