/// Why a clip was refused: each case names what failed, in words for the reviewer or the
/// data-protection officer, and the message says what it means.
public enum ClipError: Error, Equatable, Sendable {
    case notAClip
    case unsupportedVersion(UInt16)
    case headerDamaged(String)
    case headerSignatureInvalid
    case unitMismatch(expected: String, found: String)
    case chunkFramingDamaged(chunk: Int)
    case chunkFailsAuthentication(chunk: Int)
    case chunkAfterFinal(chunk: Int)
    case frameRecordDamaged(chunk: Int)
    case finalChunkMissing
    case trailerMissing
    case trailerDamaged(String)
    case trailerSignatureInvalid
    case contentsDifferFromSigned
    case bytesAfterTrailer
    case chainBroken(String)
    case notEnoughKeys(given: Int)
    case sameReviewerTwice(String)
    case notARecipient(String)
    case shareDoesNotOpen(String)
    case noFrames
    case tooFewRecipients(Int)
    case tooManyRecipients(Int)
    case recipientKeyUnusable(String)

    public var message: String {
        switch self {
        case .notAClip: return "not a vigil clip (no VIGILCLP magic at the start)"
        case .unsupportedVersion(let version): return "clip format version \(version) is not supported by this vigil; use a newer vigil"
        case .headerDamaged(let what): return "header damaged: " + what
        case .headerSignatureInvalid: return "header signature invalid: the header was changed after the unit signed it, or another unit's header"
        case .unitMismatch(let expected, let found): return "written by unit " + found + ", not by the expected unit " + expected
        case .chunkFramingDamaged(let chunk): return "chunk \(chunk): its length field is damaged"
        case .chunkFailsAuthentication(let chunk):
            return "chunk \(chunk) fails authentication: damaged, reordered, duplicated or taken from another clip"
        case .chunkAfterFinal(let chunk): return "chunk \(chunk) follows the final chunk: appended after the clip was closed"
        case .frameRecordDamaged(let chunk): return "chunk \(chunk): the frame record inside is malformed"
        case .finalChunkMissing: return "the clip was closed normally but its final chunk is missing: chunks were cut off"
        case .trailerMissing: return "no trailer: the closed clip was cut short"
        case .trailerDamaged(let what): return "trailer damaged: " + what
        case .trailerSignatureInvalid: return "trailer signature invalid: the trailer was changed after the unit signed it"
        case .contentsDifferFromSigned: return "the chunks differ from what the unit signed: bytes were changed, removed, reordered or inserted"
        case .bytesAfterTrailer: return "bytes after the trailer: something was appended to the closed clip"
        case .chainBroken(let what): return "chain broken: " + what
        case .notEnoughKeys(let given): return "two reviewers' keys are needed to open a clip (four-eyes rule), \(given) given"
        case .sameReviewerTwice(let fingerprint): return "both keys are reviewer " + fingerprint + "'s; a second reviewer must take part"
        case .notARecipient(let fingerprint): return "key " + fingerprint + " is not one of this clip's reviewers"
        case .shareDoesNotOpen(let fingerprint): return "the key share for reviewer " + fingerprint + " does not open with the given key"
        case .noFrames: return "the clip holds no frames (it was cut before its first frame was written)"
        case .tooFewRecipients(let count):
            return "recording refused: \(count) valid reviewer key(s); at least two are needed so that no one alone can open a clip"
        case .tooManyRecipients(let count):
            return "recording refused: \(count) reviewer keys; a clip header holds at most \(ClipHeader.recipientLimit.upperBound)"
        case .recipientKeyUnusable(let fingerprint): return "reviewer key " + fingerprint + " cannot be sealed to (a broken or malicious public key)"
        }
    }
}
