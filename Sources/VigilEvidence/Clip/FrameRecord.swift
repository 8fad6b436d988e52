/// A box in full-frame pixels, as stored with a frame.
public struct RecordBox: Equatable, Sendable {
    public let x: UInt16, y: UInt16, width: UInt16, height: UInt16

    public init(x: Int, y: Int, width: Int, height: Int) {
        self.x = UInt16(clamping: x)
        self.y = UInt16(clamping: y)
        self.width = UInt16(clamping: width)
        self.height = UInt16(clamping: height)
    }
}

/// The plaintext of one chunk: a redacted JPEG frame and its metadata. The end-of-clip chunk
/// (tagged final) carries an empty record: no frame is ever held back waiting to be the last.
public struct FrameRecord: Equatable, Sendable {
    public var captureMilliseconds: Int64
    public var frameIndex: UInt32
    public var boxes: [RecordBox]
    public var jpeg: [UInt8]

    public init(captureMilliseconds: Int64, frameIndex: UInt32, boxes: [RecordBox], jpeg: [UInt8]) {
        self.captureMilliseconds = captureMilliseconds
        self.frameIndex = frameIndex
        self.boxes = boxes
        self.jpeg = jpeg
    }

    public static let maximumBoxes = 64

    /// Capture time, frame index, box count, the boxes, then the JPEG to the end.
    public static func encode(captureMilliseconds: Int64, frameIndex: UInt32, boxes: [RecordBox], jpeg: UnsafeRawBufferPointer) -> [UInt8] {
        let kept = boxes.prefix(maximumBoxes)
        var writer = ByteWriter(capacity: 14 + kept.count * 8 + jpeg.count)
        writer.append(captureMilliseconds)
        writer.append(frameIndex)
        writer.append(UInt16(kept.count))
        for box in kept {
            writer.append(box.x)
            writer.append(box.y)
            writer.append(box.width)
            writer.append(box.height)
        }
        writer.append(jpeg)
        return writer.bytes
    }

    public var encoded: [UInt8] { jpeg.withUnsafeBytes { FrameRecord.encode(captureMilliseconds: captureMilliseconds, frameIndex: frameIndex, boxes: boxes, jpeg: $0) } }

    public static func decode(_ bytes: [UInt8]) -> FrameRecord? {
        var reader = ByteReader(bytes)
        guard let time = reader.read(Int64.self), let index = reader.read(UInt32.self), let count = reader.read(UInt16.self),
              Int(count) <= maximumBoxes else { return nil }
        var boxes: [RecordBox] = []
        for _ in 0..<Int(count) {
            guard let x = reader.read(UInt16.self), let y = reader.read(UInt16.self),
                  let width = reader.read(UInt16.self), let height = reader.read(UInt16.self) else { return nil }
            boxes.append(RecordBox(x: Int(x), y: Int(y), width: Int(width), height: Int(height)))
        }
        guard let jpeg = reader.read(count: reader.remaining), !jpeg.isEmpty else { return nil }
        return FrameRecord(captureMilliseconds: time, frameIndex: index, boxes: boxes, jpeg: jpeg)
    }
}
