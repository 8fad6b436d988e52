import VigilAnalysis
import VigilCore
import VigilPrivacy

/// The `[redaction]` section of the configuration file: what is covered, the static masks,
/// the cascade, how long a face is held, and the largest still accepted.
public struct RedactionSettings: Sendable {
    public init() {}

    public var policy = RedactionPolicy()
    public var masks: [Polygon] = []
    public var cascadeName = BuiltInCascades.defaultName
    /// The cascades a still is searched with (`StillFaceSearch`): the two Haar frontal ones
    /// between them cover the annotated photos of ../shared/data (scripts/redaction-coverage.py).
    public var stillCascadeNames = [BuiltInCascades.defaultName, "haarcascade_frontalface_alt2"]
    public var faceHoldFrames = 15
    /// Detector windows per stream frame (`FaceSearchPlan`): about 3.5 ms on the host.
    public var faceWindowBudget = 4000
    /// Pixels of the largest still decoded: a bigger JPEG is refused before it is decoded.
    public var maximumImagePixels = 4096 * 4096

    public static let maximumMasks = 16
    public static let configSection = ConfigSection(
        name: "redaction", keys: ["redact", "mask", "cascade", "still_cascades", "face_hold_frames", "face_window_budget", "max_image_pixels"], repeatableKeys: ["mask"])

    /// Applies the `[redaction]` lines of `file` and returns the ones refused, each with why.
    public mutating func apply(_ file: ConfigFile) -> [ConfigError] {
        var errors: [ConfigError] = []
        for line in file.lines(in: RedactionSettings.configSection.name) {
            if let reason = set(line.key, line.value) { errors.append(ConfigError(line: line.number, reason: reason)) }
        }
        return errors
    }

    /// Sets one key; returns why the value was refused, or nil.
    @_optimize(size)
    public mutating func set(_ key: String, _ value: String) -> String? {
        switch key {
        case "redact":
            do throws(RedactionPolicyError) { policy = try RedactionPolicy(parsing: value) } catch { return error.message }
        case "mask":
            guard masks.count < RedactionSettings.maximumMasks else {
                return "too many masks: at most \(RedactionSettings.maximumMasks); join neighbouring ones"
            }
            do throws(SettingError) { masks.append(try Polygon(parsing: value)) } catch {
                return "bad mask '" + value + "': " + error.message
            }
        case "cascade":
            guard BuiltInCascades.cascade(named: value) != nil else {
                return "unknown cascade '" + value + "' (built in: " + commaSeparated(BuiltInCascades.names) + ")"
            }
            cascadeName = value
        case "still_cascades":
            let names = value.split(separator: ",").map { String($0) }
            guard !names.isEmpty && names.count <= 4 else { return "still_cascades '" + value + "': expected 1 to 4 cascade names, separated by commas" }
            for name in names where BuiltInCascades.cascade(named: name) == nil {
                return "unknown cascade '" + name + "' in still_cascades (built in: " + commaSeparated(BuiltInCascades.names) + ")"
            }
            stillCascadeNames = names
        case "face_hold_frames":
            guard let frames = Int(value), (0...300).contains(frames) else { return "face_hold_frames '" + value + "': expected 0 to 300 frames" }
            faceHoldFrames = frames
        case "face_window_budget":
            guard let windows = Int(value), (500...1_000_000).contains(windows) else {
                return "face_window_budget '" + value + "': expected 500 to 1000000 detector windows per frame"
            }
            faceWindowBudget = windows
        case "max_image_pixels":
            guard let pixels = Int(value), (1...(8192 * 8192)).contains(pixels) else {
                return "max_image_pixels '" + value + "': expected 1 to \(8192 * 8192)"
            }
            maximumImagePixels = pixels
        default:
            return "unknown key '" + key + "' in [redaction] (known: " + commaSeparated(RedactionSettings.configSection.keys) + ")"
        }
        return nil
    }

    /// The masks rasterised onto a plane of the frame's size (non-zero inside), or nil if none.
    public func maskPlane(width: Int, height: Int) -> Plane? {
        guard !masks.isEmpty else { return nil }
        let plane = Plane(width: width, height: height)
        plane.fill(0)
        for mask in masks {
            for run in mask.runs(width: width, height: height, factor: 1) { plane.row(run.y)[run.start..<run.end].update(repeating: 255) }
        }
        return plane
    }
}
