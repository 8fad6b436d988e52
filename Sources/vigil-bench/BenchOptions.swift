import VigilAnalysis

/// What `vigil-bench` was asked to measure.
struct BenchOptions {
    var warmupFrames = 50
    var measuredFrames = 1000
    var parameters = AnalysisParameters()
    var inputs: [String] = []
    var wantsHelp = false

    static let usage = """
        usage: vigil-bench [--frames N] [--warmup N] [--set KEY=VALUE]... INPUT.y4m...

        Times the analysis (SceneAnalyzer: downscale, motion, morphology, blobs, tracks, events)
        on each clip's frames, read into memory first so decoding is not measured: per stage
        ns/pixel of the full frame and ms/frame, allocations per frame after the warm-up, peak RSS.
        The frames are the clip's, from the first, looped when the clip is shorter; the warm-up
        frames come first and are not measured. The last line per input is JSON.
        Make an input with: ffmpeg -i CLIP.mp4 -f yuv4mpegpipe -pix_fmt gray CLIP.y4m

        options:
          --frames N         frames measured (default 1000)
          --warmup N         frames analysed before measuring (default 50)
          --set KEY=VALUE    an analysis setting as in `vigil replay --set`, e.g. downscale=1

        """

    /// Parses the arguments after the program name.
    init(parsing arguments: [String]) throws(BenchUsageError) {
        var index = 0
        while index < arguments.count {
            let argument = arguments[index]
            index += 1
            if argument == "--help" || argument == "-h" { wantsHelp = true; continue }
            guard argument.hasPrefix("--") else { inputs.append(argument); continue }
            var name = argument
            var value: String
            if let equals = argument.firstIndex(of: "=") {
                name = String(argument[..<equals])
                value = String(argument[argument.index(after: equals)...])
            } else {
                guard index < arguments.count else { throw BenchUsageError(argument + " needs a value") }
                value = arguments[index]
                index += 1
            }
            switch name {
            case "--frames": measuredFrames = try BenchOptions.count(value, for: name, from: 1)
            case "--warmup": warmupFrames = try BenchOptions.count(value, for: name, from: 0)
            case "--set":
                guard let (key, setting) = AnalysisParameters.assignment(value) else {
                    throw BenchUsageError("--set takes KEY=VALUE, not '" + value + "'")
                }
                do throws(SettingError) {
                    try parameters.set(key, setting)
                } catch {
                    throw BenchUsageError(error.message)
                }
            default: throw BenchUsageError("unknown option '" + name + "'")
            }
        }
        if !wantsHelp && inputs.isEmpty { throw BenchUsageError("no INPUT.y4m given") }
    }

    private static func count(_ text: String, for option: String, from minimum: Int) throws(BenchUsageError) -> Int {
        guard let number = Int(text), number >= minimum, number <= 1_000_000 else {
            throw BenchUsageError("bad value '" + text + "' for " + option + ": expected a whole number from \(minimum) to 1000000")
        }
        return number
    }
}

/// A mistake in how vigil-bench was called: the message, the usage, exit status 2.
struct BenchUsageError: Error {
    let message: String
    init(_ message: String) { self.message = message }
}
