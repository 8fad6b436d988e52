/// The float32 roundings that OpenCV's detectMultiScale makes while it lays out its pyramid
/// (scale factors kept as `float`, sizes and coordinates from float products and quotients
/// rounded by cvRound), done exactly on integers, so vigil's pyramid has OpenCV's sizes and its
/// detections OpenCV's coordinates. A float here is `mantissa / 2^shift` with a 24-bit mantissa.
enum Float32Rounding {
    /// `value` rounded to 24 significant bits, half to even, as float32 stores it; `sticky` says
    /// that the exact value is a little more than `value` (bits below it were cut off).
    static func significand(_ value: UInt64, sticky: Bool = false) -> UInt64 {
        let bits = 64 - value.leadingZeroBitCount
        guard bits > 24 else { return value }
        let dropped = bits - 24
        let kept = value >> UInt64(dropped)
        let rest = value & ((1 << UInt64(dropped)) - 1), half = UInt64(1) << UInt64(dropped - 1)
        let up = rest > half || (rest == half && (sticky || kept & 1 == 1))
        return (kept + (up ? 1 : 0)) << UInt64(dropped)
    }

    /// cvRound of `value / 2^fractionBits`: to the nearest integer, halves to even.
    static func roundHalfEven(_ value: UInt64, fractionBits: Int) -> Int {
        guard fractionBits > 0 else { return Int(value) }
        let whole = value >> UInt64(fractionBits)
        let rest = value & ((1 << UInt64(fractionBits)) - 1), half = UInt64(1) << UInt64(fractionBits - 1)
        return Int(whole) + (rest > half || (rest == half && whole & 1 == 1) ? 1 : 0)
    }

    /// cvRound((float)integer * factor), for 0 <= integer < 2^24.
    static func roundedProduct(_ integer: Int, mantissa: UInt64, shift: Int) -> Int {
        roundHalfEven(significand(UInt64(integer) * mantissa), fractionBits: shift)
    }

    /// cvRound((float)integer / factor), for 0 <= integer < 2^24 and factor >= 1.
    static func roundedQuotient(_ integer: Int, mantissa: UInt64, shift: Int) -> Int {
        // The quotient with 30 more fraction bits than float32 keeps for any value >= 1, and a
        // sticky bit for the remainder: enough to round as float division does.
        // The numerator, integer * 2^(shift + 30), is up to 77 bits: made as 128.
        let extra = 30
        let part = UInt64(integer) << UInt64(shift + extra - 16)
        let (quotient, remainder) = mantissa.dividingFullWidth((high: part >> 48, low: part << 16))
        return roundHalfEven(significand(quotient, sticky: remainder != 0), fractionBits: extra)
    }
}
