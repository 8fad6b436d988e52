/// The text form of every key file: one line, a label that says what the key is, then its
/// bytes in hex ("vigil-reviewer-public-v1 3f2a..."). A label check keeps a public key from
/// being used as a secret one, or the unit's key as a reviewer's.
public enum KeyFile {
    public static let reviewerPublic = "vigil-reviewer-public-v1"
    public static let reviewerSecret = "vigil-reviewer-secret-v1"
    /// A reviewer's secret sealed under a passphrase (`PassphraseSealedKey`).
    public static let reviewerSecretSealed = "vigil-reviewer-secret-sealed-v1"
    public static let unitPublic = "vigil-unit-public-v1"
    public static let unitSecret = "vigil-unit-secret-v1"

    public static func render(label: String, _ bytes: [UInt8]) -> [UInt8] { Array((label + " " + Hex.encode(bytes) + "\n").utf8) }

    /// The key's bytes, or a message saying what is wrong with the file.
    public static func parse(_ contents: [UInt8], label: String, length: Int) -> Result<[UInt8], KeyError> {
        let text = String(decoding: contents, as: UTF8.self)
        let words = text.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\r" || $0 == "\t" })
        guard words.count == 2 else { return .failure(KeyError("is not a vigil key file (expected '" + label + " <hex>')")) }
        guard words[0] == label else {
            return .failure(KeyError("holds a '" + String(words[0]) + "', not a '" + label + "'"))
        }
        guard let bytes = Hex.decode(words[1]), bytes.count == length else {
            return .failure(KeyError("has a damaged key (expected \(length) bytes in hex)"))
        }
        return .success(bytes)
    }
}

/// Why a key could not be used; `message` completes "key file NAME ...".
public struct KeyError: Error, Sendable {
    public let message: String
    public init(_ message: String) { self.message = message }
}
