import CAllocationCounter

/// A heap object for the check; each one is kept, so none can live on the stack instead.
private final class Probe {
    let value: Int
    init(_ value: Int) { self.value = value }
}

/// How many allocations the counter sees while Swift makes 1000 class instances: at least
/// 1000 when malloc is really replaced, so that a reported "0 allocations" means nothing allocated.
func allocationsForThousandInstances() -> UInt64 {
    var kept: [Probe] = []
    kept.reserveCapacity(1000)
    let before = vigil_allocations()
    for index in 0..<1000 { kept.append(Probe(index)) }
    let counted = vigil_allocations() - before
    withExtendedLifetime(kept) {}
    return counted
}
