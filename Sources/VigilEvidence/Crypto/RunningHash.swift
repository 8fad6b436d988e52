import CSodium

/// BLAKE2b-256 over bytes that arrive in pieces: the writer hashes each chunk as it goes, so
/// closing a clip never reads it back from flash.
public final class RunningHash {
    private let state: UnsafeMutableRawPointer

    public init() {
        Sodium.initialize()
        // libsodium's state type is declared 64-byte aligned; a Swift property would not be.
        state = .allocate(byteCount: crypto_generichash_statebytes(), alignment: 64)
        _ = crypto_generichash_init(OpaquePointer(state), nil, 0, Sodium.hashBytes)
    }

    deinit { state.deallocate() }

    public func update(_ bytes: UnsafeRawBufferPointer) {
        guard let base = bytes.baseAddress else { return }
        _ = crypto_generichash_update(OpaquePointer(state),
                                      base.assumingMemoryBound(to: UInt8.self), UInt64(bytes.count))
    }

    public func update(_ bytes: [UInt8]) { bytes.withUnsafeBytes { update($0) } }

    /// The digest; the hash cannot be updated afterwards.
    public func finish() -> [UInt8] {
        var digest = [UInt8](repeating: 0, count: Sodium.hashBytes)
        _ = crypto_generichash_final(OpaquePointer(state), &digest, Sodium.hashBytes)
        return digest
    }
}
