/// A deterministic test scene: a textured background with sensor noise, a global brightness,
/// and solid shapes drawn over it. The same seed gives the same frames on every build and
/// architecture, so checks on it are exact.
public struct SyntheticScene {
    public let width: Int
    public let height: Int
    /// Global brightness in 1/64 (64 = as generated; 83 = +30 %).
    public var gain = 64
    /// Peak-to-peak sensor noise in grey levels.
    public var noise = 6
    private var random: UInt32

    public init(width: Int, height: Int, seed: UInt32 = 1) {
        self.width = width
        self.height = height
        random = seed | 1
    }

    /// xorshift32: cheap, deterministic, good enough for noise.
    private mutating func nextRandom() -> Int {
        random ^= random << 13
        random ^= random >> 17
        random ^= random << 5
        return Int(random & 0xFFFF)
    }

    /// The background alone: smooth gradients plus a coarse checker texture, then noise.
    public mutating func render(into plane: Plane) {
        for y in 0..<height {
            let row = plane.row(y)
            for x in 0..<width {
                let texture = ((x / 16 + y / 16) & 1) * 24
                let base = 60 + x * 60 / width + y * 40 / height + texture
                let noisy = base + (noise > 0 ? nextRandom() % (noise + 1) - noise / 2 : 0)
                row[x] = UInt8(min(255, max(0, noisy * gain / 64)))
            }
        }
    }

    /// Draws swaying foliage in a rectangle: dark and light stripes 4 pixels wide that sway
    /// sideways by up to `amplitude` pixels and back, one pixel per frame (`frame` counts).
    public func drawSwaying(x: Int, y: Int, width boxWidth: Int, height boxHeight: Int, amplitude: Int, frame: Int, into plane: Plane) {
        let period = 2 * amplitude
        let phase = frame % period
        let shift = phase < amplitude ? phase : period - phase
        for row in clipped(y, boxHeight, to: height) {
            let pixels = plane.row(row)
            for column in clipped(x, boxWidth, to: width) {
                let level = ((column + shift + row / 8) / 4) & 1 == 0 ? 60 : 150
                pixels[column] = UInt8(min(255, level * gain / 64))
            }
        }
    }

    /// Fills a rectangle (clipped to the frame) with a flat grey level, under the same gain.
    public func drawBox(x: Int, y: Int, width boxWidth: Int, height boxHeight: Int, level: Int, into plane: Plane) {
        let value = UInt8(min(255, max(0, level * gain / 64)))
        for row in clipped(y, boxHeight, to: height) {
            let pixels = plane.row(row)
            for column in clipped(x, boxWidth, to: width) { pixels[column] = value }
        }
    }

    /// `start..<start + length` within `0..<limit`; empty when the two do not meet (a shape
    /// that has walked out of the frame).
    private func clipped(_ start: Int, _ length: Int, to limit: Int) -> Range<Int> {
        let lower = min(limit, max(0, start))
        return lower..<max(lower, min(limit, start + length))
    }
}
