/// A picture as characters, darkest to brightest " .:-=+*#%@": enough on a serial console to
/// aim a camera (where is the horizon, is the square in view), never enough to recognise
/// anyone - and it is only ever made from a redacted frame.
public enum TextPicture {
    static let ramp: [Character] = [" ", ".", ":", "-", "=", "+", "*", "#", "%", "@"]

    /// `columns` x `rows` characters, each the mean of its cell of `luma`, lines ending in "\n".
    public static func render(_ luma: Plane, columns: Int, rows: Int) -> String {
        guard columns > 0, rows > 0, luma.width >= columns, luma.height >= rows else { return "" }
        var text = ""
        for row in 0..<rows {
            let top = row * luma.height / rows, bottom = (row + 1) * luma.height / rows
            for column in 0..<columns {
                let left = column * luma.width / columns, right = (column + 1) * luma.width / columns
                var sum = 0
                for y in top..<bottom {
                    let line = luma.row(y)
                    for x in left..<right { sum += Int(line[x]) }
                }
                let mean = sum / max(1, (bottom - top) * (right - left))
                text.append(ramp[mean * ramp.count / 256])
            }
            text += "\n"
        }
        return text
    }
}
