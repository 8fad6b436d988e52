/// Shamir's secret sharing, two of n, byte by byte over GF(2^8) (the AES field, x^8+x^4+x^3+x+1).
/// Each secret byte s gets its own random line f(x) = s + a·x; reviewer i holds f(i). One point
/// of a line says nothing about where it crosses x = 0 (for every s there is exactly one a), so
/// one share alone reveals nothing; two points fix the line and so s = f(0).
/// The arithmetic is constant-time (no tables, no branches on secrets).
public enum Shamir {
    public struct Share: Equatable, Sendable {
        /// The share's x coordinate, 1...255; 0 would be the secret itself.
        public let x: UInt8
        public let y: [UInt8]

        public init(x: UInt8, y: [UInt8]) {
            self.x = x
            self.y = y
        }
    }

    /// Splits `secret` into `count` shares with x = 1...count; `randomBytes(n)` must give n
    /// uniformly random bytes (zero included: a = 0 is as likely as any other slope).
    public static func split(_ secret: [UInt8], count: Int, randomBytes: (Int) -> [UInt8]) -> [Share] {
        precondition(count >= 2 && count <= 255)
        let slopes = randomBytes(secret.count)
        precondition(slopes.count == secret.count)
        var shares: [Share] = []
        for index in 1...count {
            let x = UInt8(index)
            var y = [UInt8](repeating: 0, count: secret.count)
            for byte in 0..<secret.count { y[byte] = secret[byte] ^ multiply(slopes[byte], x) }
            shares.append(Share(x: x, y: y))
        }
        return shares
    }

    /// The secret from two distinct shares of the same length, or nil if they are not.
    /// Lagrange at 0: s = y1·x2/(x1+x2) + y2·x1/(x1+x2) (in GF(2^8) minus is plus).
    public static func combine(_ first: Share, _ second: Share) -> [UInt8]? {
        guard first.x != 0 && second.x != 0 && first.x != second.x && first.y.count == second.y.count else { return nil }
        let denominator = inverse(first.x ^ second.x)
        let weightFirst = multiply(second.x, denominator)
        let weightSecond = multiply(first.x, denominator)
        var secret = [UInt8](repeating: 0, count: first.y.count)
        for byte in 0..<secret.count {
            secret[byte] = multiply(first.y[byte], weightFirst) ^ multiply(second.y[byte], weightSecond)
        }
        return secret
    }

    /// Carry-less multiplication reduced by the AES polynomial, eight fixed rounds.
    static func multiply(_ a: UInt8, _ b: UInt8) -> UInt8 {
        var a = a, b = b, product: UInt8 = 0
        for _ in 0..<8 {
            product ^= a & (0 &- (b & 1))
            let carry = 0 &- (a >> 7)
            a = (a << 1) ^ (carry & 0x1B)
            b >>= 1
        }
        return product
    }

    /// a^254 = a^-1 for a != 0 (the multiplicative group has order 255).
    static func inverse(_ a: UInt8) -> UInt8 {
        var result: UInt8 = 1
        var power = a
        var exponent = 254
        while exponent > 0 {
            if exponent & 1 == 1 { result = multiply(result, power) }
            power = multiply(power, power)
            exponent >>= 1
        }
        return result
    }
}
