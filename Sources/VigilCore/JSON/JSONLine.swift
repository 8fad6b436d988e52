/// Builds one JSON object on one line, keys in the order they are added: the event and
/// status output format. Only what vigil emits: strings, integers, integer arrays, objects.
public struct JSONLine {
    private var text = "{"
    private var empty = true

    public init() {}

    private mutating func key(_ name: String) {
        text += empty ? "" : ","
        empty = false
        text += JSONLine.quoted(name) + ":"
    }

    public mutating func add(_ name: String, _ value: String) { key(name); text += JSONLine.quoted(value) }
    public mutating func add(_ name: String, _ value: Int) { key(name); text += String(value) }
    public mutating func add(_ name: String, _ value: Bool) { key(name); text += value ? "true" : "false" }

    public mutating func add(_ name: String, _ values: [Int]) {
        key(name)
        text += "["
        for (index, value) in values.enumerated() { text += (index == 0 ? "" : ",") + String(value) }
        text += "]"
    }

    /// A nested object.
    public mutating func add(_ name: String, _ object: JSONLine) { key(name); text += object.rendered }

    /// An array of objects.
    public mutating func add(_ name: String, _ objects: [JSONLine]) {
        key(name)
        text += "["
        for (index, object) in objects.enumerated() { text += (index == 0 ? "" : ",") + object.rendered }
        text += "]"
    }

    /// A fixed-point number: `add("ms", 1234, fractionDigits: 2)` writes 12.34.
    public mutating func add(_ name: String, _ value: Int, fractionDigits: Int) {
        key(name)
        text += decimalText(value, fractionDigits: fractionDigits)
    }

    public var rendered: String { text + "}" }

    static func quoted(_ value: String) -> String {
        var out = "\""
        for scalar in value.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if scalar.value < 0x20 {
                    let hex: [Character] = ["0", "1", "2", "3", "4", "5", "6", "7", "8", "9", "a", "b", "c", "d", "e", "f"]
                    out += "\\u00" + String(hex[Int(scalar.value >> 4)]) + String(hex[Int(scalar.value & 15)])
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }
}
