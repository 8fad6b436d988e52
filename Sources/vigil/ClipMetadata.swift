import VigilCore
import VigilEvidence

/// The JSON that `vigil open` writes beside the video: the clip's header facts, how it was
/// checked, and each frame's capture time and event boxes.
func clipMetadataJSON(_ clip: OpenedClip, chain: String) -> String {
    var head = JSONLine()
    head.add("clip", Int(clip.header.clipNumber))
    head.add("unit", ChainCheck.fingerprint(clip.header.unitKey))
    head.add("event", clip.header.eventKind.name)
    head.add("start", utcTimestamp(milliseconds: clip.header.startMilliseconds))
    head.add("state", clip.completeness.name)
    head.add("chain", chain)
    head.add("frame_count", clip.frames.count)
    var text = String(head.rendered.dropLast()) + ",\"reviewers\":["
    for (index, recipient) in clip.header.recipients.enumerated() {
        text += (index == 0 ? "\"" : ",\"") + recipient.publicKey.fingerprint + "\""
    }
    text += "],\"frames\":["
    for (index, frame) in clip.frames.enumerated() {
        var line = JSONLine()
        line.add("frame", Int(frame.frameIndex))
        line.add("captured", utcTimestamp(milliseconds: frame.captureMilliseconds))
        line.add("t_ms", Int(frame.captureMilliseconds - clip.header.startMilliseconds))
        var boxes = "["
        for (number, box) in frame.boxes.enumerated() {
            boxes += (number == 0 ? "[" : ",[") + "\(box.x),\(box.y),\(box.width),\(box.height)]"
        }
        text += (index == 0 ? "" : ",") + String(line.rendered.dropLast()) + ",\"boxes\":" + boxes + "]}"
    }
    return text + "]}\n"
}
