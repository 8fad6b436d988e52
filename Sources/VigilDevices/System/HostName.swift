import CSystem

/// The unit's network name (uname nodename), e.g. "vigil": the maintenance shell's prompt.
public func hostName() -> String {
    var buffer = [CChar](repeating: 0, count: 256)
    guard gethostname(&buffer, buffer.count - 1) == 0 else { return "vigil" }
    let bytes = buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }
    return bytes.isEmpty ? "vigil" : String(decoding: bytes, as: UTF8.self)
}
