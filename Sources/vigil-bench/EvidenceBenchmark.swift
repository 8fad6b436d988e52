import Glibc
import VigilCore
import VigilAppliance
import VigilDevices
import VigilEvidence
import VigilPrivacy

/// What writing one clip cost: seal + write + fsync cadence, the evidence store's share of the
/// unit's work. The frames are JPEG-encoded first, untimed: encoding belongs to another stage.
struct EvidenceMeasurement {
    let frames: Int
    let syncEvery: Int
    /// The JPEG frames alone: the overhead is everything else in the file.
    let jpegBytes: Int
    let fileBytes: Int
    let wallNanoseconds: Int64
    let cpuNanoseconds: Int64
}

func measureEvidence(_ clip: PreloadedClip, frames: Int, syncEvery: Int) throws(BenchError) -> EvidenceMeasurement {
    var records: [[UInt8]] = []
    var jpegBytes = 0
    do throws(DeviceError) {
        let encoder = try RedactedJPEGEncoder(quality: 85)
        let first = clip.lumas[0]
        let redactor = Redactor(width: first.width, height: first.height)
        for index in 0..<frames {
            let box = RecordBox(x: 100, y: 80, width: 60, height: 160)
            let luma = clip.lumas[index % clip.lumas.count]
            let raw = RawFrame(width: luma.width, height: luma.height, format: .mono)
            raw.capture { frame in for y in 0..<luma.height { _ = frame.luma.row(y).update(fromContentsOf: luma.row(y)) } }
            let redacted = redactor.redact(raw, faces: [], people: [])
            records.append(try encoder.encode(redacted) { jpeg in
                jpegBytes += jpeg.count
                return FrameRecord.encode(captureMilliseconds: Int64(index) * 66, frameIndex: UInt32(index), boxes: [box], jpeg: jpeg)
            })
        }
    } catch {
        throw BenchError("JPEG encoding: " + error.message)
    }
    var template = Array("/tmp/vigil-bench-evidence-XXXXXX".utf8CString)
    guard let made = mkdtemp(&template) else { throw BenchError("cannot make a temporary directory in /tmp") }
    let directory = String(cString: made)
    defer {
        for name in (try? FileSystem.list(directory)) ?? [] { _ = unlink(directory + "/" + name) }
        rmdir(directory)
    }
    let reviewers = (0..<3).map { _ in ReviewerSecretKey.generate().publicKey }
    let wall = SystemClock()
    do throws(StoreError) {
        let store = try ClipStore(directory: directory, unitKeyPath: directory + "/unit.key", recipients: reviewers, syncEvery: syncEvery,
                                   policy: StoragePolicy(quotaPercent: 0, retentionMilliseconds: 0))
        let wallStart = wall.nanoseconds, cpuStart = threadCPUNanoseconds()
        try store.begin(kind: .motion, startMilliseconds: 0)
        for record in records {
            var failure: StoreError? = nil
            record.withUnsafeBytes { raw in
                do throws(StoreError) { try store.append(record: raw) } catch { failure = error }
            }
            if let failure { throw failure }
        }
        try store.close()
        let cpu = threadCPUNanoseconds() - cpuStart, elapsed = wall.nanoseconds - wallStart
        var size = 0
        do throws(DeviceError) {
            if case .success(let bytes) = try FileSystem.open(store.closedPaths[0], flags: O_RDONLY).size() { size = bytes }
        } catch {
            throw .device(error)
        }
        return EvidenceMeasurement(frames: frames, syncEvery: syncEvery, jpegBytes: jpegBytes, fileBytes: size,
                                   wallNanoseconds: elapsed, cpuNanoseconds: cpu)
    } catch {
        throw BenchError("clip writing: " + error.message)
    }
}

private func threadCPUNanoseconds() -> Int64 {
    var now = timespec()
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now)
    return Int64(now.tv_sec) * 1_000_000_000 + Int64(now.tv_nsec)
}

func printEvidenceReport(_ m: EvidenceMeasurement, width: Int, height: Int) {
    let wallMicroseconds = Int(m.wallNanoseconds / Int64(m.frames) / 1000)
    let cpuMicroseconds = Int(m.cpuNanoseconds / Int64(m.frames) / 1000)
    let megabytesPerSecondTenths = Int(Int64(m.fileBytes) * 10_000 / max(1, m.wallNanoseconds))
    let overhead = (m.fileBytes - m.jpegBytes) / m.frames
    // Share of one core at 15 fps, in hundredths of a percent: cpu µs/frame · 15 / 10^6 · 100.
    let shareHundredths = cpuMicroseconds * 15 / 100
    print("evidence, \(width)x\(height) grey JPEG q85, \(m.frames) frames, fsync every \(m.syncEvery):"
          + " seal + write + fsync \(wallMicroseconds) µs/frame wall, \(cpuMicroseconds) µs/frame CPU,"
          + " " + decimalText(megabytesPerSecondTenths, fractionDigits: 1) + " MB/s;"
          + " JPEG \(m.jpegBytes / m.frames) bytes/frame, clip overhead \(overhead) bytes/frame (one event box, header and trailer included);"
          + " at 15 fps " + decimalText(shareHundredths, fractionDigits: 2) + " % of one core (target < 2 %)")
}
