import Testing
import VigilCore

@Suite struct JSONValueTests {
    @Test func parsesWhatJSONLineWrites() throws {
        var inner = JSONLine()
        inner.add("fps", 2512, fractionDigits: 2)
        inner.add("name", "a \"quoted\"\nline\t\u{01}")
        var line = JSONLine()
        line.add("camera", inner)
        line.add("ok", true)
        line.add("list", [1, -2, 3])
        guard case .success(let value) = JSONValue.parse(Array(line.rendered.utf8)) else {
            Issue.record("not parsed: \(line.rendered)")
            return
        }
        #expect(value["camera"]?["fps"]?.scaled(fractionDigits: 2) == 2512)
        #expect(value["camera"]?["name"]?.string == "a \"quoted\"\nline\t\u{01}")
        #expect(value["ok"]?.bool == true)
        #expect(value["list"] == .array([.number("1"), .number("-2"), .number("3")]))
        #expect(value["missing"] == nil)
    }

    @Test func refusesBrokenAndTooDeepDocuments() {
        for text in ["", "{", "{\"a\" 1}", "[1,]", "\"open", "{\"a\":1} x", "nul", "{\"a\":\"\u{01}\"}"] {
            if case .success = JSONValue.parse(Array(text.utf8)) { Issue.record("accepted: \(text)") }
        }
        let deep = String(repeating: "[", count: 100) + String(repeating: "]", count: 100)
        guard case .failure(let error) = JSONValue.parse(Array(deep.utf8)) else {
            Issue.record("accepted 100 levels")
            return
        }
        #expect(error.reason.contains("nested"))
    }

    @Test func scaledNumbers() {
        #expect(JSONValue.number("12.5").scaled(fractionDigits: 2) == 1250)
        #expect(JSONValue.number("-0.25").scaled(fractionDigits: 2) == -25)
        #expect(JSONValue.number("7").scaled(fractionDigits: 1) == 70)
        #expect(JSONValue.number("1.234").scaled(fractionDigits: 2) == nil)
        #expect(JSONValue.number("1e3").integer == nil)
    }
}
