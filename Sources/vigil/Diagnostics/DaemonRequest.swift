import VigilDevices

/// Asks the running daemon for something (a snapshot, the lamp test) by leaving a request file
/// beside its status file (`UnitRequestFiles`); it looks once a second.
enum DaemonRequest {
    enum Outcome {
        case answered
        /// The request could not be left: the account may not write the status directory.
        case notWritten(DeviceError)
        /// Not answered in time; the request is taken back.
        case unanswered
    }

    static func ask(_ request: String, withinMilliseconds limit: Int, answered: () -> Bool) -> Outcome {
        do throws(DeviceError) { try FileSystem.writeAtomically(request, [], mode: 0o660, durable: false) } catch { return .notWritten(error) }
        let clock = SystemClock()
        let asked = clock.nanoseconds
        while !answered() {
            guard clock.nanoseconds - asked < Int64(limit) * 1_000_000 else {
                _ = try? FileSystem.remove(request)
                return .unanswered
            }
            clock.sleep(milliseconds: 100)
        }
        return .answered
    }
}
