/// What redaction covers; the privacy-first default is faces, heads and masks.
public struct RedactionPolicy: Equatable, Sendable {
    /// Detected faces, with a margin, held for a while after the detector last saw them and
    /// carried along with the person who has them.
    public var faces = true
    /// The head zone of every tracked person: the fail-safe for the faces the detector misses
    /// (profiles, small, far away, looking down).
    public var heads = true
    /// The whole silhouette of every tracked person: the strict mode.
    public var persons = false
    /// The static polygons of the configuration: windows of homes, a doctor's door.
    public var masks = true

    public init() {}

    public static let names = ["faces", "heads", "persons", "masks"]

    /// `faces,heads,masks` as the configuration writes it; `none` for nothing (an auditor's
    /// choice, never a default).
    public init(parsing text: String) throws(RedactionPolicyError) {
        faces = false
        heads = false
        masks = false
        guard text != "none" else { return }
        for name in text.split(separator: ",") {
            switch name {
            case "faces": faces = true
            case "heads": heads = true
            case "persons": persons = true
            case "masks": masks = true
            default:
                throw RedactionPolicyError(message: "unknown redaction '" + String(name) + "' in '" + text
                    + "': write a comma-separated list of faces, heads, persons, masks (or none)")
            }
        }
    }

    public var description: String {
        let chosen = [faces ? "faces" : "", heads ? "heads" : "", persons ? "persons" : "", masks ? "masks" : ""].filter { !$0.isEmpty }
        return chosen.isEmpty ? "none" : chosen.joined(separator: ",")
    }
}

public struct RedactionPolicyError: Error, Equatable, Sendable {
    public let message: String
}
