import VigilAppliance
import VigilAnalysis
import VigilCore
import VigilDevices
import VigilPrivacy

extension RedactionJob {
    /// Y4M in, Y4M out: each frame through the unit's `FramePipeline` (the analysis on the raw
    /// luma, faces searched within the budget, the redactor), and only the redacted frame is written.
    func redactStream(input: String, output: String) -> Int32 {
        let source: FileByteSource
        do throws(DeviceError) { source = try FileByteSource(path: input) } catch { return fail(error.message) }
        let reader: Y4MReader<FileByteSource>
        do throws(Y4MError) { reader = try Y4MReader(source) } catch { return fail(source.name + ": " + error.message) }
        let header = reader.header
        let pipeline: FramePipeline
        do throws(CascadeError) {
            pipeline = try FramePipeline(width: header.width, height: header.height, analysis: analysis, redaction: settings)
        } catch {
            return fail(error.message)
        }
        let file: PartialFile
        do throws(DeviceError) { file = try PartialFile(path: output) } catch { return fail(error.message) }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(header.frameBytes + 6)
        bytes += Array(y4mHeaderLine(header).utf8)
        let clock = SystemClock()
        var nanoseconds: Int64 = 0, windows = 0, mostWindows = 0
        var raw = RawFrame(width: header.width, height: header.height, format: header.chroma)
        while true {
            do throws(Y4MError) {
                guard try raw.capture({ frame throws(Y4MError) in try reader.read(into: frame) }) else { break }
            } catch {
                return fail(source.name + ": " + error.message + "; no output written")
            }
            let index = reader.framesRead - 1
            let started = clock.nanoseconds
            let redacted = pipeline.process(raw, frameIndex: index, milliseconds: header.milliseconds(atFrame: index))
            nanoseconds += clock.nanoseconds - started
            windows += pipeline.windowsTried
            mostWindows = max(mostWindows, pipeline.windowsTried)
            report(pipeline.redactor.regions, frame: index)
            bytes += Array("FRAME\n".utf8)
            redacted.read { luma, chroma in
                append(luma, to: &bytes)
                if let chroma {
                    append(chroma.cb, to: &bytes)
                    append(chroma.cr, to: &bytes)
                }
            }
            do throws(DeviceError) { try file.write(bytes) } catch {
                return fail(error.message)
            }
            bytes.removeAll(keepingCapacity: true)
            raw = redacted.recycle()
        }
        do throws(DeviceError) { try file.commit() } catch { return fail(error.message) }
        let frames = reader.framesRead
        var summary = JSONLine()
        summary.add("frames", frames)
        summary.add("redact", settings.policy.description)
        summary.add("cascade", cascade.name)
        summary.add("ms_per_frame", frames > 0 ? Int(nanoseconds / Int64(frames) / 10_000) : 0, fractionDigits: 2)
        summary.add("windows_per_frame", frames > 0 ? windows / frames : 0)
        summary.add("windows_max", mostWindows)
        summary.add("window_budget", settings.faceWindowBudget)
        summary.add("sweep_frames", pipeline.sweepFrames)
        var line = JSONLine()
        line.add("summary", summary)
        print(line.rendered)
        return 0
    }
}

/// The header that keeps the input's size, rate and chroma format.
private func y4mHeaderLine(_ header: Y4MHeader) -> String {
    let colour: String
    switch header.chroma {
    case .mono: colour = "mono"
    case .yuv420: colour = "420jpeg"
    case .yuv422: colour = "422"
    case .yuv444: colour = "444"
    }
    return "YUV4MPEG2 W\(header.width) H\(header.height) F\(header.frameRateNumerator):\(header.frameRateDenominator) Ip A1:1 C" + colour + "\n"
}

private func append(_ plane: Plane, to bytes: inout [UInt8]) {
    for y in 0..<plane.height { bytes += plane.row(y) }
}
