import Foundation
import Testing

/// The configuration the product's image ships (rootfs-overlay/etc/vigil/vigil.conf) is
/// `vigil config --defaults` under a commented header: a key added, renamed or given another
/// default in the code fails here until the file is made again.
@Suite struct ProductConfigurationTests {
    static let file = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("../../rootfs-overlay/etc/vigil/vigil.conf").standardized

    @Test func theShippedFileIsTheDefaultsUnderAHeader() throws {
        let shipped = try String(contentsOf: Self.file, encoding: .utf8)
        let defaults = try VigilProcess.run(["config", "--defaults"])
        #expect(defaults.status == 0, "\(defaults.standardError)")
        let remake = "make it again: (header lines; vigil config --defaults) > rootfs-overlay/etc/vigil/vigil.conf"
        #expect(shipped.hasSuffix(defaults.standardOutput), "\(Self.file.path) differs from vigil config --defaults: \(remake)")
        let header = shipped.dropLast(defaults.standardOutput.count).split(separator: "\n")
        #expect(!header.isEmpty && header.allSatisfy { $0.hasPrefix("#") }, "the header is comment lines only")
    }
}
