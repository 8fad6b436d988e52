import VigilCore

/// One connected region of the foreground mask with its integer moments.
public struct Blob: Equatable, Sendable {
    public var area: Int = 0
    public var minX = Int.max, minY = Int.max, maxX = Int.min, maxY = Int.min
    public var sumX = 0, sumY = 0, sumXX = 0, sumYY = 0, sumXY = 0

    public init() {}

    public var box: Box { Box(minX: minX, minY: minY, maxX: maxX, maxY: maxY) }
    public var width: Int { maxX - minX + 1 }
    public var height: Int { maxY - minY + 1 }
    /// Centroid in 1/16 pixel.
    public var centroidX16: Int { sumX * 16 / area }
    public var centroidY16: Int { sumY * 16 / area }

    /// The covariance of the pixel coordinates in 1/256 square pixels: xx, yy, xy. Bounded by
    /// the frame size, so products of two of them fit in 64 bits.
    var covariance256: (xx: Int, yy: Int, xy: Int) {
        // n*Sxx - Sx^2 is the exact second central moment times n^2; divide by n twice.
        func normalised(_ scaled: Int) -> Int { scaled / area * 256 / area }
        return (normalised(area * sumXX - sumX * sumX), normalised(area * sumYY - sumY * sumY), normalised(area * sumXY - sumX * sumY))
    }

    /// Direction of the major axis in degrees, 0 ..< 180: 0 is horizontal, 90 vertical
    /// (image y grows downward, so 45 runs from top left to bottom right).
    public var orientationDegrees: Int {
        let c = covariance256
        // theta = atan2(2 cov_xy, cov_xx - cov_yy) / 2
        let doubled = integerAtan2Degrees(y: 2 * c.xy, x: c.xx - c.yy)
        return ((doubled + 360) % 360) / 2
    }

    /// Ratio of the major to the minor axis, in percent (100 = round or square).
    public var elongationPercent: Int {
        let c = covariance256
        let half = (c.xx - c.yy) / 2
        let root = Int(integerSquareRoot(UInt64(half * half + c.xy * c.xy)))
        let center = (c.xx + c.yy) / 2
        let major = center + root
        let minor = max(center - root, 1)
        return Int(integerSquareRoot(UInt64(major * 10_000 / minor)))
    }

    mutating func addRun(y: Int, from x0: Int, to x1: Int) {
        let n = x1 - x0 + 1
        let runSumX = (x0 + x1) * n / 2
        // Sum of squares x0^2 + ... + x1^2 through the closed form of 0^2 + ... + k^2.
        let runSumXX = squareSum(x1) - (x0 > 0 ? squareSum(x0 - 1) : 0)
        area += n
        sumX += runSumX
        sumY += y * n
        sumXX += runSumXX
        sumYY += y * y * n
        sumXY += y * runSumX
        minX = min(minX, x0)
        maxX = max(maxX, x1)
        minY = min(minY, y)
        maxY = max(maxY, y)
    }

    mutating func merge(_ other: Blob) {
        area += other.area
        sumX += other.sumX
        sumY += other.sumY
        sumXX += other.sumXX
        sumYY += other.sumYY
        sumXY += other.sumXY
        minX = min(minX, other.minX)
        maxX = max(maxX, other.maxX)
        minY = min(minY, other.minY)
        maxY = max(maxY, other.maxY)
    }
}

@inline(__always)
private func squareSum(_ k: Int) -> Int { k * (k + 1) * (2 * k + 1) / 6 }

/// Floor of the square root, by Newton's method on integers.
public func integerSquareRoot(_ value: UInt64) -> UInt64 {
    guard value > 1 else { return value }
    var x = value
    var y = (x + 1) / 2
    while y < x {
        x = y
        y = (x + value / x) / 2
    }
    return x
}

/// atan2 in whole degrees, -180 ... 180, from a table of tan(1..45 degrees) in 1/4096:
/// the octant by sign and magnitude, the angle within it by search.
public func integerAtan2Degrees(y: Int, x: Int) -> Int {
    if x == 0 && y == 0 { return 0 }
    var ax = UInt64(x.magnitude), ay = UInt64(y.magnitude)
    // Keep small * 4096 within 64 bits; the angle depends only on the ratio.
    while max(ax, ay) > 1 << 50 {
        ax >>= 1
        ay >>= 1
    }
    let small = min(ax, ay), large = max(ax, ay)
    // Angle within 0...45 whose tangent is closest below small/large.
    let ratio4096 = small * 4096 / large
    var angle = 0
    while angle < 45 && UInt64(tangentTable4096[angle]) <= ratio4096 { angle += 1 }
    var degrees = ay > ax ? 90 - angle : angle
    if x < 0 { degrees = 180 - degrees }
    return y < 0 ? -degrees : degrees
}

/// tan(0.5, 1.5, ..., 44.5 degrees) * 4096: midpoints, so the search rounds to the nearest degree.
private let tangentTable4096: [Int] = [
    36, 107, 179, 251, 322, 394, 467, 539, 612, 685, 759, 833, 908, 983, 1059, 1136, 1213, 1291,
    1371, 1450, 1531, 1613, 1697, 1781, 1867, 1954, 2042, 2132, 2224, 2317, 2413, 2510, 2609, 2711, 2815, 2922,
    3031, 3143, 3258, 3376, 3498, 3624, 3753, 3887, 4025,
]
