import CGPIOD
import CSystem

/// What the kernel says about a GPIO line found by name, without requesting it: `vigil diag`
/// looks while the daemon holds the lines.
public struct GPIOLineInfo: Sendable {
    public let name: String
    public let chipName: String
    public let offset: UInt32
    public let isUsed: Bool
    public let consumer: String
    public let isOutput: Bool

    public static func find(_ name: String) -> GPIOLineInfo? {
        guard let line = gpiod_line_find(name) else { return nil }
        defer { gpiod_line_close_chip(line) }
        return GPIOLineInfo(name: name, chipName: String(cString: gpiod_chip_name(gpiod_line_get_chip(line))), offset: gpiod_line_offset(line),
                            isUsed: gpiod_line_is_used(line), consumer: gpiod_line_consumer(line).map { String(cString: $0) } ?? "",
                            isOutput: gpiod_line_direction(line) == Int32(GPIOD_LINE_DIRECTION_OUTPUT))
    }

    public var description: String {
        chipName + " line \(offset), " + (isOutput ? "output" : "input") + (isUsed ? ", held by " + (consumer.isEmpty ? "a program" : consumer) : ", free")
    }
}
