/// Reads a YUV4MPEG2 stream frame by frame into preallocated `Frame`s.
public final class Y4MReader<Source: ByteSource> {
    public let header: Y4MHeader
    private let input: BufferedInput<Source>
    /// Frames read so far; the index of the next frame.
    public private(set) var framesRead = 0

    private static var lineLimit: Int { 1024 }

    public init(_ source: Source) throws(Y4MError) {
        input = BufferedInput(source)
        switch input.readLine(limit: Y4MReader.lineLimit) {
        case .failure(let error): throw .readFailed(error.message)
        case .success(.endOfStream): throw .emptyStream
        case .success(.tooLong): throw .headerTooLong
        case .success(.line(let line)): header = try Y4MHeader(parsing: line)
        }
    }

    /// A frame of this stream's size and chroma format, to be filled by `read(into:)`.
    public func makeFrame() -> Frame {
        Frame(width: header.width, height: header.height, format: header.chroma)
    }

    /// Reads the next frame into `frame`. Returns false at the clean end of the stream;
    /// throws when the stream is damaged or cut off in the middle of a frame.
    public func read(into frame: Frame) throws(Y4MError) -> Bool {
        precondition(frame.luma.width == header.width && frame.luma.height == header.height && frame.format == header.chroma)
        switch input.readLine(limit: Y4MReader.lineLimit) {
        case .failure(let error): throw .readFailed(error.message)
        case .success(.endOfStream): return false
        case .success(.tooLong): throw .badFrameMarker(frame: framesRead)
        case .success(.line(let line)):
            // "FRAME" may carry parameters after a space; nothing else may follow it.
            guard line.count >= 5, line[0..<5].elementsEqual("FRAME".utf8), line.count == 5 || line[5] == 0x20 else {
                throw .badFrameMarker(frame: framesRead)
            }
        }
        // Plane by plane without collecting them in an array: this runs every frame.
        var got = 0
        try read(frame.luma, counting: &got)
        if let chroma = frame.chroma {
            try read(chroma.cb, counting: &got)
            try read(chroma.cr, counting: &got)
        }
        framesRead += 1
        return true
    }

    private func read(_ plane: Plane, counting got: inout Int) throws(Y4MError) {
        for y in 0..<plane.height {
            let row = UnsafeMutableRawBufferPointer(plane.row(y))
            switch input.readExactly(into: row) {
            case .failure(let error): throw .readFailed(error.message)
            case .success(let count):
                got += count
                if count < row.count { throw .truncatedFrame(frame: framesRead, got: got, expected: header.frameBytes) }
            }
        }
    }
}
