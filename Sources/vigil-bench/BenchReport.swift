import VigilAnalysis
import VigilCore

/// Prints one clip's measurement: a table for people, then one JSON line for scripts
/// (`scripts/bench-peers.py` reads it).
func printReport(_ m: StageMeasurement, clip: PreloadedClip, warmupFrames: Int, peakKilobytes: Int) {
    let pixels = Int64(m.width * m.height) * Int64(m.frames)
    // Fixed point: thousandths of a ns per pixel and of a ms per frame.
    func nsPerPixel(_ nanoseconds: Int64) -> Int { Int(nanoseconds * 1000 / pixels) }
    func msPerFrame(_ nanoseconds: Int64) -> Int { Int(nanoseconds / Int64(m.frames) / 1000) }
    func perFrame(_ allocations: Int64) -> Int { Int(allocations * 1000 / Int64(m.frames)) }
    func row(_ name: String, _ nanoseconds: Int64, _ allocations: Int64) -> String {
        column(name, 12, left: true) + column(decimalText(nsPerPixel(nanoseconds), fractionDigits: 3), 10)
            + column(decimalText(msPerFrame(nanoseconds), fractionDigits: 3), 11)
            + column(decimalText(perFrame(allocations), fractionDigits: 3), 15)
    }

    let analysed = String(m.width / m.factor) + "x" + String(m.height / m.factor)
    print(clip.path + ": " + String(m.width) + "x" + String(m.height) + ", analysed at " + analysed
          + " (downscale " + String(m.factor) + "), " + String(m.frames) + " frames measured after "
          + String(warmupFrames) + " warm-up, from " + String(clip.lumas.count) + " frames looped")
    print(column("stage", 12, left: true) + column("ns/pixel", 10) + column("ms/frame", 11) + column("allocs/frame", 15))
    var stages = JSONLine()
    for stage in AnalysisStage.allCases {
        print(row(stage.name, m.stageNanoseconds[stage.rawValue], m.stageAllocations[stage.rawValue]))
        stages.add(stage.name, msPerFrame(m.stageNanoseconds[stage.rawValue]), fractionDigits: 3)
    }
    print(row("total", m.totalNanoseconds, Int64(m.allocations)))
    let allocationsPerFrame = perFrame(Int64(m.allocations))
    print("allocations per frame in steady state: " + decimalText(allocationsPerFrame, fractionDigits: 3)
          + " (" + String(m.allocations) + " in " + String(m.frames) + " frames)")
    print("peak RSS: " + String(peakKilobytes) + " kB, of which the preloaded frames are " + String(clip.kilobytes) + " kB")

    var line = JSONLine()
    line.add("bench", "vigil")
    line.add("width", m.width)
    line.add("height", m.height)
    line.add("downscale", m.factor)
    line.add("frames", m.frames)
    line.add("ms_per_frame", msPerFrame(m.totalNanoseconds), fractionDigits: 3)
    line.add("ns_per_pixel", nsPerPixel(m.totalNanoseconds), fractionDigits: 3)
    line.add("stage_ms_per_frame", stages)
    line.add("allocations_per_frame", allocationsPerFrame, fractionDigits: 3)
    line.add("peak_rss_kb", peakKilobytes)
    line.add("preloaded_frames_kb", clip.kilobytes)
    print(line.rendered)
}

/// `text` padded with spaces to `width`, on the right of the column unless `left`.
private func column(_ text: String, _ width: Int, left: Bool = false) -> String {
    let padding = String(repeating: " ", count: max(0, width - text.count))
    return left ? text + padding : padding + text
}
