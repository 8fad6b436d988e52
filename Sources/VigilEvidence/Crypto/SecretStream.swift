import CSodium

/// `crypto_secretstream_xchacha20poly1305`, pushing: each message is authenticated together
/// with its position in the stream, so chunks cannot be reordered, dropped from the middle,
/// duplicated or moved to another stream without the opener noticing.
public final class SecretStreamSealer {
    private let state = UnsafeMutablePointer<crypto_secretstream_xchacha20poly1305_state>.allocate(capacity: 1)
    public let header: [UInt8]

    public static var overhead: Int { Int(crypto_secretstream_xchacha20poly1305_abytes()) }
    public static var headerBytes: Int { Int(crypto_secretstream_xchacha20poly1305_headerbytes()) }

    public init(key: [UInt8]) {
        Sodium.initialize()
        precondition(key.count == Int(crypto_secretstream_xchacha20poly1305_keybytes()))
        var header = [UInt8](repeating: 0, count: SecretStreamSealer.headerBytes)
        _ = crypto_secretstream_xchacha20poly1305_init_push(state, &header, key)
        self.header = header
    }

    deinit {
        sodium_memzero(state, MemoryLayout<crypto_secretstream_xchacha20poly1305_state>.size)
        state.deallocate()
    }

    /// Appends the sealed `message` to `output`.
    public func seal(_ message: UnsafeRawBufferPointer, additionalData: [UInt8], final: Bool, appendingTo output: inout [UInt8]) {
        let start = output.count
        output.append(contentsOf: repeatElement(0, count: message.count + SecretStreamSealer.overhead))
        let tag = final ? crypto_secretstream_xchacha20poly1305_tag_final() : crypto_secretstream_xchacha20poly1305_tag_message()
        output.withUnsafeMutableBufferPointer { out in
            _ = crypto_secretstream_xchacha20poly1305_push(
                state, out.baseAddress! + start, nil, message.baseAddress?.assumingMemoryBound(to: UInt8.self), UInt64(message.count),
                additionalData, UInt64(additionalData.count), tag)
        }
    }
}

/// The pulling side: returns each message and whether it was tagged final, or nil when a
/// chunk fails authentication.
public final class SecretStreamOpener {
    private let state = UnsafeMutablePointer<crypto_secretstream_xchacha20poly1305_state>.allocate(capacity: 1)
    private let valid: Bool

    public init(key: [UInt8], header: [UInt8]) {
        Sodium.initialize()
        valid = key.count == Int(crypto_secretstream_xchacha20poly1305_keybytes())
            && header.count == SecretStreamSealer.headerBytes
            && crypto_secretstream_xchacha20poly1305_init_pull(state, header, key) == 0
    }

    deinit {
        sodium_memzero(state, MemoryLayout<crypto_secretstream_xchacha20poly1305_state>.size)
        state.deallocate()
    }

    public func open(_ sealed: ArraySlice<UInt8>, additionalData: [UInt8]) -> (message: [UInt8], final: Bool)? {
        guard valid && sealed.count >= SecretStreamSealer.overhead else { return nil }
        var message = [UInt8](repeating: 0, count: sealed.count - SecretStreamSealer.overhead)
        var tag: UInt8 = 0
        let status = sealed.withUnsafeBufferPointer { input in
            crypto_secretstream_xchacha20poly1305_pull(
                state, &message, nil, &tag, input.baseAddress, UInt64(input.count), additionalData, UInt64(additionalData.count))
        }
        guard status == 0 else { return nil }
        return (message, tag == crypto_secretstream_xchacha20poly1305_tag_final())
    }
}
