import Testing
import VigilDevices

@Suite struct InputLines {
    @Test func scriptedEdgesComeOnceInOrderAndSetTheLevel() throws {
        let tamper = ScriptedInputLine(name: "vigil-tamper")
        #expect(try tamper.isActive == false)
        #expect(try tamper.pendingEdges().isEmpty)

        tamper.push(InputEdge(rising: true, timestampNanoseconds: 100))
        tamper.push(InputEdge(rising: false, timestampNanoseconds: 250))
        tamper.push(InputEdge(rising: true, timestampNanoseconds: 300))
        #expect(try tamper.isActive == true)
        #expect(try tamper.pendingEdges() == [
            InputEdge(rising: true, timestampNanoseconds: 100),
            InputEdge(rising: false, timestampNanoseconds: 250),
            InputEdge(rising: true, timestampNanoseconds: 300),
        ])
        #expect(try tamper.pendingEdges().isEmpty)
        #expect(try tamper.isActive == true)
    }

    @Test func aScriptedLineCanStartActive() throws {
        let door = ScriptedInputLine(name: "door", initiallyActive: true)
        #expect(try door.isActive == true)
        door.push(InputEdge(rising: false, timestampNanoseconds: 1))
        #expect(try door.isActive == false)
    }

    @Test func edgesDescribeThemselves() {
        #expect(InputEdge(rising: true, timestampNanoseconds: 42).description == "rising at 42 ns")
        #expect(InputEdge(rising: false, timestampNanoseconds: 7).description == "falling at 7 ns")
    }

    @Test func anUnknownInputLineNameSaysWhereToLook() {
        do {
            _ = try GPIOInputLine(named: "vigil-no-such-input", activeLow: true)
            Issue.record("a line that does not exist was found")
        } catch {
            #expect(error.message.hasPrefix("GPIO line 'vigil-no-such-input'"))
            #expect(error.message.hasSuffix("no GPIO line has that name; check the board's line names (gpioinfo) and the configuration"))
        }
    }
}
