/// Formats fixed-point integers for people: `decimalText(2506, fractionDigits: 2)` is "25.06".
/// The per-frame path never touches floating point; reports format its integers here.
public func decimalText(_ value: Int, fractionDigits: Int) -> String {
    precondition(fractionDigits >= 0 && fractionDigits <= 18)
    var scale = 1
    for _ in 0..<fractionDigits { scale *= 10 }
    let magnitude = value.magnitude
    let whole = magnitude / UInt(scale)
    var text = (value < 0 ? "-" : "") + String(whole)
    if fractionDigits > 0 {
        var fraction = String(magnitude % UInt(scale))
        while fraction.count < fractionDigits { fraction = "0" + fraction }
        text += "." + fraction
    }
    return text
}
