import Testing
import VigilDevices

/// A counter handed between the test's thread and a worker, one value at a time.
private final class HandOver {
    let worker = WorkerThread()
    var offered: Int? = nil
    var received: [Int] = []

    func consume(from worker: WorkerThread) {
        while true {
            let value: Int? = worker.locked {
                while offered == nil && !worker.isStopping { worker.waitForChange() }
                defer { worker.announceChange() }
                defer { offered = nil }
                return offered
            }
            guard let value else { return }
            received.append(value)
        }
    }
}

@Suite struct WorkerThreadTests {
    @Test func valuesHandedOverOneAtATimeArriveInOrderAndStopJoins() {
        let handOver = HandOver()
        #expect(handOver.worker.start { handOver.consume(from: handOver.worker) })
        #expect(handOver.worker.isRunning)
        for value in 0..<500 {
            handOver.worker.locked {
                while handOver.offered != nil { handOver.worker.waitForChange() }
                handOver.offered = value
                handOver.worker.announceChange()
            }
        }
        handOver.worker.stop()
        #expect(!handOver.worker.isRunning && handOver.worker.isStopping)
        #expect(handOver.received == Array(0..<500))
    }

    @Test func theBodyKeepsWhatItCapturesUntilItReturns() {
        weak var watched: HandOver? = nil
        let worker = WorkerThread()
        do {
            let handOver = HandOver()
            watched = handOver
            #expect(worker.start { handOver.consume(from: worker) })
        }
        worker.stop()
        #expect(watched == nil, "released once the thread has returned")
    }
}
