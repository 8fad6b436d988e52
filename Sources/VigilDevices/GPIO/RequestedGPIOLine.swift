import CGPIOD
import CSystem

/// A GPIO line found by its name (device-tree `gpio-line-names`, or gpio-sim's line names)
/// through libgpiod 1.6 and requested from the kernel, held until this goes away: what the
/// output and input lines share, with errors that say what to check.
final class RequestedGPIOLine {
    let name: String
    let chipName: String
    let offset: UInt32
    let handle: OpaquePointer

    /// `request` asks the kernel for the found line (as an output, for edge events, ...) and
    /// returns libgpiod's result: 0, or -1 with errno set.
    init(named name: String, request: (OpaquePointer) -> Int32) throws(DeviceError) {
        guard let found = gpiod_line_find(name) else {
            let error = Errno.current
            throw DeviceError("GPIO line '" + name + "'", errno: error == .noSuchFile ? nil : error,
                              hint: "no GPIO line has that name; check the board's line names (gpioinfo) and the configuration")
        }
        self.name = name
        chipName = String(cString: gpiod_chip_name(gpiod_line_get_chip(found)))
        offset = gpiod_line_offset(found)
        if request(found) != 0 {
            let error = Errno.current
            gpiod_line_close_chip(found)
            throw DeviceError("request GPIO line '" + name + "' (" + chipName + " \(offset))", errno: error,
                              hint: error == .busy ? "another program holds the line (gpioinfo shows who)" : "check permissions on /dev/" + chipName)
        }
        handle = found
    }

    deinit {
        gpiod_line_release(handle)
        gpiod_line_close_chip(handle)
    }
}
