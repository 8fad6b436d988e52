import CGPIOD
import CSystem

/// A GPIO output found by its name (device-tree `gpio-line-names`, or gpio-sim's line names)
/// through libgpiod 1.6, held for the life of the object: a released line falls back to
/// whatever its pull says, so a lamp must be held as long as vigil wants it in a state.
public final class GPIOOutputLine: OutputLine {
    public let name: String
    public let chipName: String
    public let offset: UInt32
    private let line: OpaquePointer

    public init(named name: String, consumer: String = "vigil", initiallyActive: Bool = false) throws(DeviceError) {
        guard let found = gpiod_line_find(name) else {
            let error = Errno.current
            throw DeviceError("GPIO line '" + name + "'", errno: error == .noSuchFile ? nil : error,
                              hint: "no GPIO line has that name; check the board's line names (gpioinfo) and the configuration")
        }
        line = found
        self.name = name
        chipName = String(cString: gpiod_chip_name(gpiod_line_get_chip(found)))
        offset = gpiod_line_offset(found)
        if gpiod_line_request_output(found, consumer, initiallyActive ? 1 : 0) != 0 {
            let error = Errno.current
            gpiod_line_close_chip(found)
            throw DeviceError("request GPIO line '" + name + "' (" + chipName + " \(offset))", errno: error,
                              hint: error == .busy ? "another program holds the line (gpioinfo shows who)" : "check permissions on /dev/" + chipName)
        }
    }

    public func drive(_ active: Bool) throws(DeviceError) {
        if gpiod_line_set_value(line, active ? 1 : 0) != 0 {
            throw DeviceError("set GPIO line '" + name + "'", errno: Errno.current, hint: "the GPIO chip failed; see dmesg")
        }
    }

    deinit {
        gpiod_line_release(line)
        gpiod_line_close_chip(line)
    }
}
