import VigilCore

/// How much fine detail a picture holds: the mean absolute difference between pixels two apart,
/// across and down, in tenths of a grey level. A defocused, fogged or sprayed lens scores low;
/// `vigil diag` shows it while the technician turns the focus ring. Sampled on every other
/// row and column: a few milliseconds at 1280x720, and only asked for once a second.
public enum SharpnessScore {
    public static func tenths(_ luma: Plane) -> Int {
        guard luma.width > 4, luma.height > 4 else { return 0 }
        var sum = 0, count = 0
        var y = 0
        while y + 2 < luma.height {
            let row = luma.row(y), below = luma.row(y + 2)
            var x = 0
            while x + 2 < luma.width {
                let here = Int(row[x])
                sum += abs(Int(row[x + 2]) - here) + abs(Int(below[x]) - here)
                count += 2
                x += 2
            }
            y += 2
        }
        return sum * 10 / count
    }

    /// The mean grey level, over the same samples.
    public static func meanLevel(_ luma: Plane) -> Int {
        var sum = 0, count = 0
        var y = 0
        while y < luma.height {
            let row = luma.row(y)
            var x = 0
            while x < luma.width {
                sum += Int(row[x])
                count += 1
                x += 2
            }
            y += 2
        }
        return count == 0 ? 0 : sum / count
    }
}
