import VigilCore

/// Every check of one `vigil diag` run, in the order made, rendered for a person on a serial
/// console (one line each, the hint under it) or as one JSON document for tooling.
public struct DiagnosticReport: Sendable {
    public private(set) var checks: [DiagnosticCheck] = []
    public let unit: String
    public let version: String
    public let epochMilliseconds: Int64

    public init(unit: String, version: String, epochMilliseconds: Int64) {
        self.unit = unit
        self.version = version
        self.epochMilliseconds = epochMilliseconds
    }

    public mutating func add(_ check: DiagnosticCheck) { checks.append(check) }

    public mutating func add(_ more: [DiagnosticCheck]) { checks += more }

    public var worst: Verdict { checks.map { $0.verdict }.max() ?? .ok }

    public func count(_ verdict: Verdict) -> Int { checks.filter { $0.verdict == verdict }.count }

    /// 0 when nothing failed, 1 otherwise (warnings do not fail the run).
    public var exitStatus: Int32 { worst == .fail ? 1 : 0 }

    public var text: String {
        var out = "vigil diag: unit " + unit + ", firmware " + version + ", " + utcTimestamp(milliseconds: epochMilliseconds) + "\n"
        var group = ""
        for check in checks {
            if check.group != group {
                group = check.group
                out += "\n" + group + "\n"
            }
            out += "  " + pad(check.verdict.name, 5) + pad(check.name, 18) + check.value + "\n"
            if !check.hint.isEmpty { out += "       -> " + check.hint + "\n" }
        }
        out += "\n\(count(.ok)) OK, \(count(.warn)) WARN, \(count(.fail)) FAIL\n"
        return out
    }

    public var json: String {
        var document = JSONLine()
        document.add("unit", unit)
        document.add("firmware", version)
        document.add("time", utcTimestamp(milliseconds: epochMilliseconds))
        document.add("result", worst.name)
        var counts = JSONLine()
        counts.add("ok", count(.ok))
        counts.add("warn", count(.warn))
        counts.add("fail", count(.fail))
        document.add("counts", counts)
        document.add("checks", checks.map { check in
            var line = JSONLine()
            line.add("group", check.group)
            line.add("name", check.name)
            line.add("status", check.verdict.name)
            line.add("value", check.value)
            line.add("hint", check.hint)
            return line
        })
        return document.rendered + "\n"
    }

    private func pad(_ text: String, _ width: Int) -> String {
        var padded = text
        while padded.count < width { padded += " " }
        return padded + " "
    }
}
