import VigilAnalysis
import VigilCore

// libFuzzer entry (`make fuzz`): the configuration file parser and the analysis settings and
// zones it feeds, on arbitrary files.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzConfig(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let file = ConfigFile(parsing: Array(UnsafeBufferPointer(start: data, count: size)), sections: [AnalysisParameters.configSection])
    var parameters = AnalysisParameters()
    for error in file.errors + parameters.apply(file) { _ = error.message }
    return 0
}
