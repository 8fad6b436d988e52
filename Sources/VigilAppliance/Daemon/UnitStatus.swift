import VigilCore
import VigilDevices
import VigilUnit

/// What the daemon counts, rendered as the status file `vigil diag` reads: one JSON object,
/// rewritten about once a second.
public struct UnitStatus {
    public var state = "starting"
    public var processID = 0
    public var startedEpochMilliseconds: Int64 = 0
    public var uptimeMilliseconds = 0
    public var camera = ""
    public var mode = ""
    public var cameraLostSince: Int? = nil
    public var reconnects = 0
    public var lastCameraError = ""
    public var frames = 0
    /// The per-frame path's time over the whole run (analysis, redaction, encoding, recording),
    /// first frames of a stream left out (`steadyFrames` of them).
    public var frameNanoseconds: Int64 = 0
    /// The same frames' CPU time on the capture thread: what the path costs when the machine
    /// is shared (time the thread waited for the CPU or the hypervisor took is not in it).
    public var frameCPUNanoseconds: Int64 = 0
    public var steadyFrames = 0
    /// The last stream's first frame, whose face search covers the whole frame.
    public var firstFrameNanoseconds: Int64 = 0
    /// Frames the driver skipped (gaps in its sequence numbers).
    public var driverDrops = 0
    /// Of those, the ones while a stream settled (its first frame searches the whole picture for faces).
    public var driverDropsWhileSettling = 0
    /// The fewest of its `driverBuffers` the driver had queued to fill, over the frames after a
    /// stream settled: at 0 it went without one and frames were lost because the unit fell
    /// behind; above 0 the steady drops are the camera's own. nil when the camera cannot tell.
    public var fewestBuffersToFill: Int? = nil
    public var driverBuffers = 0
    public var corruptFrames = 0
    /// Frames per second over the last report interval, in hundredths.
    public var rateHundredths = 0
    /// The per-frame path (analysis, redaction, encoding), mean over the last interval, in hundredths of a ms.
    public var frameMillisecondsHundredths = 0
    public var windowsPerFrame = 0
    /// Whether frames are encoded and kept on a second thread; if so the per-frame path's time
    /// above leaves that out, and this is its own mean over the last interval.
    public var evidenceThread = false
    public var evidenceMillisecondsHundredths = 0
    /// The evidence stage's time and frames over the streams that ended.
    public var evidenceNanoseconds: Int64 = 0
    public var evidenceFrames = 0
    /// How long capture waited for the evidence thread to finish a buffer, over those streams.
    public var evidenceWaitNanoseconds: Int64 = 0
    /// The mean grey level and `SharpnessScore` of a raw frame, once a second: diag judges the aim and focus by them.
    public var brightness = 0
    public var sharpnessTenths = 0
    public var isDay = true
    public var tamperCondition = ""
    public var events = 0
    public var lastEvent = ""
    public var lastEventEpochMilliseconds: Int64 = 0
    public var lights = LightStates(sign: false, recording: false, alarm: false, status: false)
    public var statusPattern = ""
    public var recording = false
    public var recordingRefused = ""
    public var queue = ClipWriterThread.Progress()
    public var storageFreeBytes: Int64 = -1
    public var storageTotalBytes: Int64 = -1
    public var watchdog = "none"

    public init() {}

    @_optimize(size)
    public var rendered: String {
        var line = JSONLine()
        line.add("state", state)
        line.add("pid", processID)
        line.add("started_epoch_ms", Int(startedEpochMilliseconds))
        line.add("uptime_s", uptimeMilliseconds / 1000)
        var cameraObject = JSONLine()
        cameraObject.add("device", camera)
        cameraObject.add("mode", mode)
        cameraObject.add("frames", frames)
        cameraObject.add("fps", rateHundredths, fractionDigits: 2)
        cameraObject.add("driver_drops", driverDrops)
        cameraObject.add("settling_drops", driverDropsWhileSettling)
        cameraObject.add("buffers", driverBuffers)
        cameraObject.add("fewest_buffers_to_fill", fewestBuffersToFill ?? -1)
        cameraObject.add("corrupt_frames", corruptFrames)
        cameraObject.add("reconnects", reconnects)
        cameraObject.add("lost_for_s", cameraLostSince.map { (uptimeMilliseconds - $0) / 1000 } ?? 0)
        cameraObject.add("last_error", lastCameraError)
        line.add("camera", cameraObject)
        var analysis = JSONLine()
        analysis.add("ms_per_frame", frameMillisecondsHundredths, fractionDigits: 2)
        analysis.add("face_windows_per_frame", windowsPerFrame)
        analysis.add("evidence_thread", evidenceThread)
        analysis.add("evidence_ms_per_frame", evidenceMillisecondsHundredths, fractionDigits: 2)
        analysis.add("brightness", brightness)
        analysis.add("sharpness", sharpnessTenths, fractionDigits: 1)
        analysis.add("day", isDay)
        analysis.add("tamper_condition", tamperCondition)
        line.add("analysis", analysis)
        var eventObject = JSONLine()
        eventObject.add("count", events)
        eventObject.add("last", lastEvent)
        eventObject.add("last_epoch_ms", Int(lastEventEpochMilliseconds))
        line.add("events", eventObject)
        var outputs = JSONLine()
        outputs.add("sign", lights.sign)
        outputs.add("recording", lights.recording)
        outputs.add("alarm", lights.alarm)
        outputs.add("status", statusPattern)
        line.add("outputs", outputs)
        var queueObject = JSONLine()
        queueObject.add("frames", queue.queuedFrames)
        queueObject.add("bytes", queue.queuedBytes)
        queueObject.add("peak_bytes", queue.peakQueuedBytes)
        queueObject.add("dropped", queue.framesDropped)
        line.add("write_queue", queueObject)
        var storage = JSONLine()
        storage.add("recording", recording)
        storage.add("refused", recordingRefused)
        storage.add("clips_written", queue.clipsClosed)
        storage.add("clips_evicted", queue.clipsEvicted)
        storage.add("frames_written", queue.framesWritten)
        storage.add("last_clip", queue.lastClip ?? "")
        storage.add("failure", queue.failure ?? "")
        storage.add("free_bytes", Int(storageFreeBytes))
        storage.add("total_bytes", Int(storageTotalBytes))
        line.add("storage", storage)
        line.add("watchdog", watchdog)
        return line.rendered + "\n"
    }
}
