import CGPIOD

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
        let capacity = Int(VIGIL_GPIOD_EDGES_PER_READ)
        var rising = [Int32](repeating: 0, count: capacity)
        var nanoseconds = [Int64](repeating: 0, count: capacity)
        // The read blocks on an empty queue, so read only while an edge is queued.
        while true {
            switch vigil_gpiod_edge_queued(line.handle) {
            case 0: return edges
            case 1: break
            default:
                let error = Errno.current
                if error == .interrupted { continue }
                throw DeviceError("wait for edges on GPIO line '" + name + "'", errno: error, hint: "the GPIO chip failed; see dmesg")
            }
            let count = vigil_gpiod_read_edges(line.handle, &rising, &nanoseconds)
            if count < 0 {
                let error = Errno.current
                if error == .interrupted { continue }
                throw DeviceError("read edges of GPIO line '" + name + "'", errno: error, hint: "the GPIO chip failed; see dmesg")
            }
            for index in 0..<Int(count) {
                edges.append(InputEdge(rising: rising[index] != 0, timestampNanoseconds: nanoseconds[index]))
            }
        }
    }
}
