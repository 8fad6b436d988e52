import CAllocationCounter
import VigilAnalysis
import VigilCore
import VigilDevices

/// What one clip's runs measured, after the warm-up.
struct StageMeasurement {
    let width: Int
    let height: Int
    let factor: Int
    let frames: Int
    /// Per `AnalysisStage.rawValue`, over all measured frames.
    let stageNanoseconds: [Int64]
    let stageAllocations: [Int64]
    /// Around the whole `analyze` calls, so it includes the time between the stages' laps.
    let totalNanoseconds: Int64
    let allocations: UInt64
}

/// Runs `SceneAnalyzer` twice over the clip's frames: once timing each stage, once counting
/// each stage's allocations (the stage clock hook takes any rising counter).
func measure(_ clip: PreloadedClip, warmupFrames: Int, measuredFrames: Int, parameters: AnalysisParameters) -> StageMeasurement {
    let clock = SystemClock()
    let timed = run(clip, warmupFrames: warmupFrames, measuredFrames: measuredFrames, parameters: parameters) { clock.nanoseconds }
    let counted = run(clip, warmupFrames: warmupFrames, measuredFrames: measuredFrames, parameters: parameters) {
        Int64(vigil_allocations())
    }
    return StageMeasurement(
        width: clip.header.width, height: clip.header.height, factor: timed.factor, frames: measuredFrames,
        stageNanoseconds: timed.stages, stageAllocations: counted.stages,
        totalNanoseconds: timed.nanoseconds, allocations: timed.allocations)
}

/// `warmupFrames` unmeasured, then `measuredFrames` with `stageCounter`'s rise per stage, the
/// time and the allocations. The frames are the clip's from the first, looped when it is shorter.
private func run(
    _ clip: PreloadedClip, warmupFrames: Int, measuredFrames: Int, parameters: AnalysisParameters,
    stageCounter: @escaping () -> Int64
) -> (factor: Int, stages: [Int64], nanoseconds: Int64, allocations: UInt64) {
    let header = clip.header
    let analyzer = SceneAnalyzer(width: header.width, height: header.height, parameters: parameters)
    analyzer.stageClock = stageCounter
    let clock = SystemClock()
    var frameIndex = 0
    // Frame numbers and times keep rising when the clip loops, as they would on a camera.
    var events: [SceneEvent] = []
    events.reserveCapacity(8)
    func analyzeNext() {
        let luma = clip.lumas[frameIndex % clip.lumas.count]
        events.removeAll(keepingCapacity: true)
        analyzer.analyze(luma, frameIndex: frameIndex, milliseconds: header.milliseconds(atFrame: frameIndex), events: &events)
        frameIndex += 1
    }
    for _ in 0..<warmupFrames { analyzeNext() }

    // Element by element: a copy of the array kept across the loop would make the analyzer's
    // next write copy it, an allocation that is the benchmark's, not the analysis's.
    var stages = [Int64](repeating: 0, count: AnalysisStage.allCases.count)
    for stage in AnalysisStage.allCases { stages[stage.rawValue] = -analyzer.stageNanoseconds[stage.rawValue] }
    let allocationsBefore = vigil_allocations()
    let started = clock.nanoseconds
    for _ in 0..<measuredFrames { analyzeNext() }
    let nanoseconds = clock.nanoseconds - started
    let allocations = vigil_allocations() - allocationsBefore
    for stage in AnalysisStage.allCases { stages[stage.rawValue] += analyzer.stageNanoseconds[stage.rawValue] }
    return (analyzer.factor, stages, nanoseconds, allocations)
}
