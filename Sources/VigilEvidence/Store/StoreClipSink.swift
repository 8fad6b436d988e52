/// Connects the event recorder (pre-roll, live, post-roll) to the clip store. The recorder's
/// frames are encoded `FrameRecord`s. The first store failure stops recording and is kept in
/// `failure` for the caller to report; frames are never written any other way.
public final class StoreClipSink: ClipSink {
    public let store: ClipStore
    /// The kind of the event under way, set by whoever feeds the recorder; read when a clip begins.
    public var eventKind = EventKind.unknown
    /// Added to stream milliseconds to give wall-clock time for the header.
    public let epochMilliseconds: Int64
    public private(set) var failure: StoreError?

    public init(store: ClipStore, epochMilliseconds: Int64) {
        self.store = store
        self.epochMilliseconds = epochMilliseconds
    }

    public func beginClip(atFrame frameIndex: Int, milliseconds: Int) {
        attempt { () throws(StoreError) in try store.begin(kind: eventKind, startMilliseconds: epochMilliseconds + Int64(milliseconds)) }
    }

    public func write(frameIndex: Int, milliseconds: Int, bytes: UnsafeRawBufferPointer) {
        attempt { () throws(StoreError) in try store.append(record: bytes) }
    }

    public func endClip(atFrame frameIndex: Int) {
        attempt { () throws(StoreError) in try store.close() }
    }

    private func attempt(_ body: () throws(StoreError) -> Void) {
        guard failure == nil else { return }
        do throws(StoreError) { try body() } catch { failure = error }
    }
}
