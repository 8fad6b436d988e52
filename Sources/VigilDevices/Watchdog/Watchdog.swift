import CSystem

/// The hardware watchdog: once armed it resets the unit unless fed within its timeout, so a
/// hung vigil is restarted without anyone climbing the pole.
public protocol Watchdog: AnyObject {
    /// Tells the watchdog vigil is alive: the daemon feeds it once per healthy loop.
    func feed() throws(DeviceError)
    /// Stops the watchdog on a clean exit, so stopping vigil does not reboot the unit.
    /// Feeding afterwards is an error: a disarmed watchdog no longer protects anything.
    func disarm()
}

/// A Linux watchdog device such as /dev/watchdog. Opening it starts the countdown; `disarm`
/// is the magic close ('V', then close), which stops it unless the driver was built or loaded
/// with nowayout, in which case the unit reboots after the timeout by design. Closed without
/// the 'V' (vigil crashed), it keeps counting: that is the point.
public final class DeviceWatchdog: Watchdog {
    public let path: String
    /// The driver's timeout, when it reports one (WDIOC_GETTIMEOUT), after `timeout` was set.
    public let timeoutSeconds: Int?
    private var fd: FileDescriptor?

    /// With `timeout` (seconds), sets the driver's timeout first (WDIOC_SETTIMEOUT): whatever
    /// opened the watchdog before may have left it shorter than a frame on a slow start.
    public init(path: String = "/dev/watchdog", timeout: Int? = nil) throws(DeviceError) {
        self.path = path
        switch FileDescriptor.open(path, flags: O_WRONLY) {
        case .success(let opened):
            var seconds = Int32(timeout ?? 0)
            if timeout != nil && vigil_watchdog_set_timeout(opened.rawValue, &seconds) != 0 {
                let error = Errno.current
                _ = withUnsafeBytes(of: UInt8(ascii: "V")) { opened.write($0) }
                throw DeviceError("set the timeout of watchdog " + path + " to \(timeout ?? 0) s", errno: error,
                                  hint: "the driver refuses it; choose a timeout it takes ([unit] watchdog_timeout_s) or 0 to keep its own")
            }
            timeoutSeconds = vigil_watchdog_get_timeout(opened.rawValue, &seconds) == 0 ? Int(seconds) : nil
            fd = consume opened
        case .failure(let error):
            let hint: String
            switch error {
            case .noSuchFile: hint = "no watchdog driver is loaded (ls /dev/watchdog*); check the kernel configuration"
            case .busy: hint = "another program (a watchdog daemon?) holds it; only one may"
            default: hint = "check the permissions"
            }
            throw DeviceError("open watchdog " + path, errno: error, hint: hint)
        }
    }

    public func feed() throws(DeviceError) {
        // Any byte but 'V' feeds it (and cancels a magic close announced earlier).
        guard let written = withUnsafeBytes(of: UInt8(0), { fd?.write($0) }) else {
            throw DeviceError.fedAfterDisarm(path)
        }
        if case .failure(let error) = written {
            throw DeviceError("feed watchdog " + path, errno: error, hint: "the watchdog driver failed; see dmesg")
        }
    }

    public func disarm() {
        guard let descriptor = fd.take() else { return }
        _ = withUnsafeBytes(of: UInt8(ascii: "V")) { descriptor.write($0) }
        // The close that ends this scope is what stops the watchdog.
    }
}

/// A watchdog for tests: counts feeds and remembers being disarmed.
public final class RecordingWatchdog: Watchdog {
    public private(set) var feeds = 0
    public private(set) var isDisarmed = false

    public init() {}

    public func feed() throws(DeviceError) {
        guard !isDisarmed else { throw DeviceError.fedAfterDisarm("watchdog") }
        feeds += 1
    }

    public func disarm() { isDisarmed = true }
}

extension DeviceError {
    static func fedAfterDisarm(_ watchdog: String) -> DeviceError {
        DeviceError("feed watchdog " + watchdog, hint: "it was disarmed for a clean exit; arm a new one to keep watching")
    }
}
