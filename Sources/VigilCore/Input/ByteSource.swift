/// A stream of bytes: a file, standard input, or memory in tests.
public protocol ByteSource: AnyObject {
    /// Reads up to `buffer.count` bytes; 0 means the end of the stream.
    func read(into buffer: UnsafeMutableRawBufferPointer) -> Result<Int, ByteSourceError>
}

public struct ByteSourceError: Error, Equatable, Sendable {
    public let message: String
    public init(_ message: String) { self.message = message }
}

/// Bytes from memory, handed out at most `chunk` at a time, as a pipe would.
public final class MemoryByteSource: ByteSource {
    private let bytes: [UInt8]
    private let chunk: Int
    private var offset = 0

    public init(_ bytes: [UInt8], chunk: Int = .max) {
        self.bytes = bytes
        self.chunk = max(1, chunk)
    }

    public func read(into buffer: UnsafeMutableRawBufferPointer) -> Result<Int, ByteSourceError> {
        let count = min(buffer.count, chunk, bytes.count - offset)
        if count > 0 {
            bytes.withUnsafeBytes { source in
                buffer.baseAddress!.copyMemory(from: source.baseAddress! + offset, byteCount: count)
            }
        }
        offset += count
        return .success(count)
    }
}

/// Reads lines and exact byte counts from a `ByteSource` through one fixed buffer.
final class BufferedInput<Source: ByteSource> {
    private let source: Source
    private let buffer: UnsafeMutableRawBufferPointer
    private var start = 0
    private var end = 0

    init(_ source: Source, capacity: Int = 65536) {
        self.source = source
        buffer = .allocate(byteCount: capacity, alignment: 16)
    }

    deinit { buffer.deallocate() }

    private func refill() -> Result<Bool, ByteSourceError> {
        start = 0
        end = 0
        switch source.read(into: buffer) {
        case .success(let count):
            end = count
            return .success(count > 0)
        case .failure(let error):
            return .failure(error)
        }
    }

    /// The bytes up to (not including) the next newline; `.endOfStream` when the stream ends
    /// before any byte; `.tooLong` past `limit` bytes; a last line without newline is returned as is.
    enum Line { case line([UInt8]), endOfStream, tooLong }

    func readLine(limit: Int) -> Result<Line, ByteSourceError> {
        var line: [UInt8] = []
        while true {
            if start == end {
                switch refill() {
                case .failure(let error): return .failure(error)
                case .success(false): return .success(line.isEmpty ? .endOfStream : .line(line))
                case .success(true): break
                }
            }
            while start < end {
                let byte = buffer[start]
                start += 1
                if byte == 0x0A { return .success(.line(line)) }
                if line.count == limit { return .success(.tooLong) }
                line.append(byte)
            }
        }
    }

    /// Fills `destination` completely unless the stream ends; returns how many bytes it got.
    func readExactly(into destination: UnsafeMutableRawBufferPointer) -> Result<Int, ByteSourceError> {
        var filled = 0
        while filled < destination.count {
            if start == end {
                switch refill() {
                case .failure(let error): return .failure(error)
                case .success(false): return .success(filled)
                case .success(true): break
                }
            }
            let count = min(end - start, destination.count - filled)
            destination.baseAddress!.advanced(by: filled).copyMemory(from: buffer.baseAddress! + start, byteCount: count)
            start += count
            filled += count
        }
        return .success(filled)
    }
}
