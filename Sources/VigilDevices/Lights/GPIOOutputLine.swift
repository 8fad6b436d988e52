import CGPIOD

/// A GPIO output found by its name, held for the life of the object: a released line falls
/// back to whatever its pull says, so a lamp must be held as long as vigil wants it in a state.
/// An active-low line (a lamp switched by pulling the pin low) is inverted by the kernel, so
/// `drive(true)` means "on" either way.
public final class GPIOOutputLine: OutputLine {
    private let line: RequestedGPIOLine

    public var name: String { line.name }
    public var chipName: String { line.chipName }
    public var offset: UInt32 { line.offset }

    public init(named name: String, consumer: String = "vigil", initiallyActive: Bool = false, activeLow: Bool = false) throws(DeviceError) {
        let flags = activeLow ? Int32(GPIOD_LINE_REQUEST_FLAG_ACTIVE_LOW) : 0
        line = try RequestedGPIOLine(named: name) { gpiod_line_request_output_flags($0, consumer, flags, initiallyActive ? 1 : 0) }
    }

    public func drive(_ active: Bool) throws(DeviceError) {
        if gpiod_line_set_value(line.handle, active ? 1 : 0) != 0 {
            throw DeviceError("set GPIO line '" + name + "'", errno: Errno.current, hint: "the GPIO chip failed; see dmesg")
        }
    }
}
