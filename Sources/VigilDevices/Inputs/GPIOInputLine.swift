import CGPIOD
import CSystem

/// A GPIO input found by its name and requested for events on both edges, held for the life
/// of the object so no edge is missed between reads. The kernel queues the edges with their
/// time; `pendingEdges` collects them without waiting. For an active-low line (a switch that
/// pulls the pin low when closed) the kernel inverts level and edges, so "rising" is always
/// "became active".
public final class GPIOInputLine: InputLine {
    private let line: RequestedGPIOLine

    public var name: String { line.name }
    public var chipName: String { line.chipName }
    public var offset: UInt32 { line.offset }

    public init(named name: String, consumer: String = "vigil", activeLow: Bool = false) throws(DeviceError) {
        let flags = activeLow ? Int32(GPIOD_LINE_REQUEST_FLAG_ACTIVE_LOW) : 0
        line = try RequestedGPIOLine(named: name) { gpiod_line_request_both_edges_events_flags($0, consumer, flags) }
    }

    public var isActive: Bool {
        get throws(DeviceError) {
            let value = gpiod_line_get_value(line.handle)
            guard value >= 0 else {
                let error = Errno.current
                throw DeviceError("read GPIO line '" + name + "'", errno: error, hint: "the GPIO chip failed; see dmesg")
            }
            return value == 1
        }
    }

    public func pendingEdges() throws(DeviceError) -> [InputEdge] {
        var edges: [InputEdge] = []
        var noWait = timespec(tv_sec: 0, tv_nsec: 0)
        var events = [gpiod_line_event](repeating: gpiod_line_event(), count: 16)
        // The event read blocks on an empty queue, so read only while the wait says an edge is there.
        while true {
            switch gpiod_line_event_wait(line.handle, &noWait) {
            case 0: return edges
            case 1: break
            default:
                let error = Errno.current
                if error == .interrupted { continue }
                throw DeviceError("wait for edges on GPIO line '" + name + "'", errno: error, hint: "the GPIO chip failed; see dmesg")
            }
            let count = events.withUnsafeMutableBufferPointer { gpiod_line_event_read_multiple(line.handle, $0.baseAddress, UInt32($0.count)) }
            if count < 0 {
                let error = Errno.current
                if error == .interrupted { continue }
                throw DeviceError("read edges of GPIO line '" + name + "'", errno: error, hint: "the GPIO chip failed; see dmesg")
            }
            for event in events[0..<Int(count)] {
                edges.append(InputEdge(rising: event.event_type == Int32(GPIOD_LINE_EVENT_RISING_EDGE),
                                       timestampNanoseconds: Int64(event.ts.tv_sec) * 1_000_000_000 + Int64(event.ts.tv_nsec)))
            }
        }
    }
}
