import VigilCore

/// Reads a whole small file, such as the configuration, into memory. A file larger than
/// `limit` bytes is refused: a wrong path to a video must not fill the board's memory.
public func readSmallFile(_ path: String, limit: Int) throws(DeviceError) -> [UInt8] {
    let source = try FileByteSource(path: path)
    var bytes: [UInt8] = []
    var chunk = [UInt8](repeating: 0, count: 4096)
    while true {
        switch chunk.withUnsafeMutableBytes({ source.read(into: $0) }) {
        case .failure(let error):
            throw DeviceError("read " + error.message, hint: "check that it is a file")
        case .success(0):
            return bytes
        case .success(let count):
            bytes += chunk[0..<count]
            if bytes.count > limit {
                throw DeviceError("read " + source.name, hint: "it is larger than \(limit) bytes; is this the right file?")
            }
        }
    }
}
