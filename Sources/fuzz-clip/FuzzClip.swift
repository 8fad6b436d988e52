import VigilEvidence

// libFuzzer entry (`make fuzz`): every parser a clip directory feeds, on arbitrary bytes. The
// chunk walker runs on the input as it is, since a mutated header never passes its signature.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzClip(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    if case .success(let clip) = ParsedClip.parse(bytes) { _ = clip.closedClipProblem }
    _ = ParsedClip.chunkLayout(bytes, from: 0)
    if bytes.count >= 8 { _ = ClipTrailer.decode(bytes, at: 0) }
    _ = FrameRecord.decode(bytes)
    _ = jpegDimensions(bytes)
    _ = ChainTip.parse(bytes)
    _ = ReviewerSecretKey.parse(bytes)
    _ = Hex.decode(Substring(String(decoding: bytes, as: UTF8.self)))
    return 0
}
