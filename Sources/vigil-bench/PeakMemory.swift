import Glibc

/// The most memory this process has had resident so far, in kB (ru_maxrss on Linux).
func peakResidentKilobytes() -> Int {
    var usage = rusage()
    getrusage(__rusage_who_t(RUSAGE_SELF.rawValue), &usage)
    return usage.ru_maxrss
}
