import VigilCore

// libFuzzer entry (`make fuzz`): the YUV4MPEG2 reader on arbitrary streams, frame by frame.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzY4M(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let source = MemoryByteSource(Array(UnsafeBufferPointer(start: data, count: size)), chunk: 97)
    do throws(Y4MError) {
        let reader = try Y4MReader(source)
        let frame = reader.makeFrame()
        while try reader.read(into: frame) {}
    } catch {
        _ = error.message
    }
    return 0
}
