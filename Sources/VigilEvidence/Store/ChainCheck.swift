/// The chain across a directory's clips, checked without keys: one unit, numbers in sequence,
/// each header linked to its predecessor's hash. Every finding names the clips concerned.
public enum ChainCheck {
    public struct Finding: Equatable, Sendable {
        /// A gap: clips missing from the sequence (deleted). Anything else is a break.
        public let isGap: Bool
        public let message: String
        /// A gap whose every clip the governor's signed deletion log accounts for.
        public var explained = false
    }

    /// `clips` in any order; `pinnedUnit` is the unit's public key if the verifier knows it;
    /// `tip` the directory's chain file, whose clip should be the newest present.
    public static func check(_ clips: [ClipInspection], pinnedUnit: [UInt8]?, tip: ChainTip?, deletions: [DeletionLog.Entry] = []) -> [Finding] {
        let headed = clips.compactMap { clip in clip.header.map { (clip, $0) } }.sorted { $0.1.clipNumber < $1.1.clipNumber }
        var findings: [Finding] = []
        guard let first = headed.first else { return findings }
        let unit = pinnedUnit ?? first.1.unitKey
        var previous: (ClipInspection, ClipHeader)? = nil
        for (clip, header) in headed {
            if header.unitKey != unit {
                findings.append(Finding(isGap: false, message: clip.name + ": written by another unit (" + fingerprint(header.unitKey) + ", expected " + fingerprint(unit) + ")"))
            }
            let expected = (previous?.1.clipNumber ?? 0) + 1
            if let previous, header.clipNumber == previous.1.clipNumber {
                findings.append(Finding(isGap: false, message: clip.name + " and " + previous.0.name + ": both are clip \(header.clipNumber) (a copy replayed under a new name?)"))
            } else if header.clipNumber > expected {
                findings.append(gap(expected..<header.clipNumber, "before " + clip.name, deletions))
            } else if let previous, header.previousHeaderHash != previous.0.headerHash {
                findings.append(Finding(isGap: false, message: clip.name + ": does not link to " + previous.0.name + " (a clip was replaced or swapped)"))
            } else if previous == nil && header.clipNumber == 1 && header.previousHeaderHash != ChainTip.empty.headerHash {
                findings.append(Finding(isGap: false, message: clip.name + ": clip 1 must start the chain"))
            }
            previous = (clip, header)
        }
        if let tip, let last = previous, tip.clipNumber > last.1.clipNumber {
            findings.append(gap((last.1.clipNumber + 1)..<(tip.clipNumber + 1), "after " + last.0.name + " (the chain file records clip \(tip.clipNumber))", deletions))
        }
        return findings
    }

    private static func gap(_ missing: Range<UInt64>, _ place: String, _ deletions: [DeletionLog.Entry]) -> Finding {
        let range = "clips \(missing.lowerBound)-\(missing.upperBound - 1)"
        var reasons: [String] = []
        for number in missing {
            guard let entry = deletions.first(where: { $0.clipNumber == number }) else {
                return Finding(isGap: true, message: range + " missing " + place + ": deleted, and not by the governor")
            }
            if !reasons.contains(entry.reason) { reasons.append(entry.reason) }
        }
        var why = ""
        for reason in reasons { why += (why.isEmpty ? "" : ", ") + reason }
        return Finding(isGap: true, message: range + " deleted by the governor (" + why + ") " + place, explained: true)
    }

    public static func fingerprint(_ key: [UInt8]) -> String { Hex.encode(Array(Sodium.hash(key).prefix(8))) }
}
