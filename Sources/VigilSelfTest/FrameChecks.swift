import VigilCore

let frameChecks: [SelfCheck] = [
    SelfCheck("frames.downscale-is-the-rounded-block-mean") { r in
        // Odd sizes, so the blocks that do not fit are dropped; each factor has its own path.
        let input = Plane(width: 37, height: 23)
        var seed: UInt32 = 12345
        for y in 0..<23 {
            for x in 0..<37 {
                seed = seed &* 1_103_515_245 &+ 12345
                input[x, y] = UInt8(truncatingIfNeeded: seed >> 16)
            }
        }
        for factor in 1...5 {
            let output = Downscaler(width: 37, height: 23, factor: factor).shrink(input)
            r.expect(output.width == 37 / factor && output.height == 23 / factor, "factor \(factor): \(output.width)x\(output.height)")
            var wrong = 0
            for y in 0..<output.height {
                for x in 0..<output.width {
                    var sum = 0
                    for dy in 0..<factor { for dx in 0..<factor { sum += Int(input[x * factor + dx, y * factor + dy]) } }
                    if Int(output[x, y]) != (sum + factor * factor / 2) / (factor * factor) { wrong += 1 }
                }
            }
            r.expect(wrong == 0, "factor \(factor): \(wrong) pixels differ from the rounded mean")
        }
    },
]
