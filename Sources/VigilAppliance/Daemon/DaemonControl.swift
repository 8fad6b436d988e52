import VigilDevices

/// How the daemon is told to stop or reload: SIGTERM/SIGINT/SIGHUP on the board (`SignalWatch`),
/// a script in tests.
public protocol DaemonControl: AnyObject {
    /// The requests that arrived since the last call, without waiting.
    func pending() -> [UnixSignal]
    /// Sleeps up to `milliseconds`; returns early (true) when a request arrives.
    func wait(milliseconds: Int) -> Bool
}

extension SignalWatch: DaemonControl {}
