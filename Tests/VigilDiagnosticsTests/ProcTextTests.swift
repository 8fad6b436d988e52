import Testing
@testable import VigilDiagnostics

@Suite struct ProcTextTests {
    @Test func loadMemoryUptime() {
        #expect(ProcText.loadHundredths("0.52 0.58 0.59 1/123 456\n") == 52)
        #expect(ProcText.loadHundredths("12.5 1 1 1/1 1") == 1250)
        let meminfo = "MemTotal:        2014512 kB\nMemFree:          123456 kB\nMemAvailable:    1500000 kB\n"
        #expect(ProcText.meminfoKilobytes(meminfo, key: "MemAvailable") == 1_500_000)
        #expect(ProcText.meminfoKilobytes(meminfo, key: "SwapTotal") == nil)
        #expect(ProcText.uptimeSeconds("12345.67 2345.67\n") == 12345)
    }

    @Test func theLongestMountPointHoldingAPathWins() {
        let mountinfo = """
            22 1 0:20 / / rw,relatime - ext4 /dev/root rw
            23 22 0:21 / /run rw,nosuid - tmpfs tmpfs rw
            30 22 254:16 / /var/lib/vigil rw,relatime - ext4 /dev/vda rw
            31 22 254:17 / /var/lib/vigil\\040old rw - vfat /dev/vdb rw
            """
        #expect(ProcText.mount(of: "/var/lib/vigil/clips", mountinfo: mountinfo)?.mountPoint == "/var/lib/vigil")
        #expect(ProcText.mount(of: "/var/lib/vigil/clips", mountinfo: mountinfo)?.type == "ext4")
        #expect(ProcText.mount(of: "/var/lib/vigilance", mountinfo: mountinfo)?.mountPoint == "/")
        #expect(ProcText.mount(of: "/var/lib/vigil old/x", mountinfo: mountinfo)?.type == "vfat")
        #expect(ProcText.mount(of: "/run/vigil", mountinfo: mountinfo)?.type == "tmpfs")
    }
}
