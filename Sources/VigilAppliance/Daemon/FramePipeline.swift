import VigilAnalysis
import VigilCore
import VigilPrivacy

/// Analyse, then redact: the per-frame path from a raw picture to a redacted one. The analysis
/// reads the raw luma in place (the redaction's masks only as their mosaic) and then forgets
/// the faces that were redacted from all it keeps to the next frame; faces are searched
/// within the window budget around tracked people and held faces; the redactor pixelates in
/// place and hands back the only kind of frame that may be encoded or kept.
public final class FramePipeline {
    public let analyzer: SceneAnalyzer
    public let redactor: Redactor
    private let detector: FaceDetector?
    private let plan: FaceSearchPlan?
    private let equalizer: HistogramEqualizer
    /// The events the last frame raised.
    public private(set) var events: [SceneEvent] = []
    /// The tracked people of the last frame, in full-frame pixels.
    public private(set) var people: [TrackedPerson] = []
    private var coveredFaces: [Box] = []
    /// Detector windows tried on the last frame (bounded by the budget).
    public var windowsTried: Int { detector?.windowsTried ?? 0 }
    /// Frames the face search takes at most to sweep the whole frame (0 without face search).
    public var sweepFrames: Int { plan?.sweepFrames ?? 0 }

    public init(width: Int, height: Int, analysis: AnalysisParameters, redaction: RedactionSettings) throws(CascadeError) {
        redactor = Redactor(width: width, height: height, policy: redaction.policy, holdFrames: redaction.faceHoldFrames,
                            masks: redaction.maskPlane(width: width, height: height))
        analyzer = SceneAnalyzer(width: width, height: height, parameters: analysis, masked: redactor.maskAreas)
        if redaction.policy.faces, let cascade = BuiltInCascades.cascade(named: redaction.cascadeName) {
            let detector = try FaceDetector(cascade: cascade, width: width, height: height)
            self.detector = detector
            plan = FaceSearchPlan(for: detector, windowBudget: redaction.faceWindowBudget)
        } else {
            detector = nil
            plan = nil
        }
        equalizer = HistogramEqualizer(width: width, height: height)
        events.reserveCapacity(8)
    }

    public func process(_ raw: consuming RawFrame, frameIndex: Int, milliseconds: Int) -> RedactedFrame {
        events.removeAll(keepingCapacity: true)
        analyzer.analyze(raw.luma, frameIndex: frameIndex, milliseconds: milliseconds, events: &events)
        people.removeAll(keepingCapacity: true)
        for track in analyzer.tracker.tracks { people.append(TrackedPerson(id: track.id, box: track.box.scaled(by: analyzer.factor))) }
        var faces: [FaceBox] = []
        if let detector, let plan {
            let regions = plan.next(people: people, faces: coveredFaces)
            faces = equalizer.withEqualized(raw.luma, rows: plan.rows) { detector.detect($0, within: regions) }
        }
        let redacted = redactor.redact(raw, faces: faces, people: people)
        analyzer.forget(redactor.faceAreas)
        coveredFaces.removeAll(keepingCapacity: true)
        for area in redactor.faceAreas { coveredFaces.append(area.box) }
        return redacted
    }
}
