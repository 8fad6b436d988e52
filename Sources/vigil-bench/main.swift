import Glibc
import VigilDevices

// vigil-bench: how fast the analysis runs and whether it allocates per frame (`make bench`).
// Host only: its malloc is CAllocationCounter's, which counts every allocation in the process.
StandardStreams.lineBufferStandardOutput()

let options: BenchOptions
do throws(BenchUsageError) {
    options = try BenchOptions(parsing: Array(CommandLine.arguments.dropFirst()))
} catch {
    StandardStreams.writeError("vigil-bench: " + error.message + "; see 'vigil-bench --help'")
    exit(2)
}
if options.wantsHelp {
    print(BenchOptions.usage, terminator: "")
    exit(0)
}

#if DEBUG
StandardStreams.writeError("vigil-bench: this is a debug build, whose times and allocations say nothing about the firmware;"
                           + " build it with -c release (make bench does)")
#endif

let probeAllocations = allocationsForThousandInstances()
guard probeAllocations >= 1000 else {
    StandardStreams.writeError("vigil-bench: the allocation counter saw only \(probeAllocations) allocations for 1000 class instances,"
                               + " so the Swift runtime does not allocate through CAllocationCounter's malloc and every count would be"
                               + " wrong; check that the executable exports it: nm -D vigil-bench | grep -w malloc")
    exit(1)
}
print("allocation counter: working (\(probeAllocations) allocations for 1000 class instances)")

for path in options.inputs {
    do throws(BenchError) {
        let clip = try PreloadedClip(path: path, limit: options.warmupFrames + options.measuredFrames)
        let measurement = measure(clip, warmupFrames: options.warmupFrames, measuredFrames: options.measuredFrames,
                                  parameters: options.parameters)
        printReport(measurement, clip: clip, warmupFrames: options.warmupFrames, peakKilobytes: peakResidentKilobytes())
        printEvidenceReport(try measureEvidence(clip, frames: options.measuredFrames, syncEvery: 8), width: clip.header.width, height: clip.header.height)
    } catch {
        StandardStreams.writeError("vigil-bench: " + error.message)
        exit(1)
    }
}
