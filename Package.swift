// swift-tools-version: 6.1
import PackageDescription

// One set of sources, two builds. `VIGIL_EMBEDDED=1` (set by scripts/build-firmware.sh) compiles
// everything as Embedded Swift for the static board firmware; without it this is a normal
// host package with `swift test`.
let embedded = Context.environment["VIGIL_EMBEDDED"] == "1"

let swiftSettings: [SwiftSetting] = embedded ? [.enableExperimentalFeature("Embedded")] : []
// The firmware has a size budget (scripts/build-firmware.sh): modules off the per-frame path
// (devices, evidence, policy, diagnostics, self-checks, the commands) are optimised for size,
// and so are the cold functions of the others (configuration, status, start and stop), marked
// `@_optimize(size)`.
let offFramePathSettings: [SwiftSetting] = embedded ? swiftSettings + [.unsafeFlags(["-Osize"])] : swiftSettings

// Embedded objects carry no autolink entries, so the module maps' `link` lines do nothing there:
// the executable names the static libraries itself, dependants before dependencies.
let firmwareLibraries: [LinkerSetting] = embedded
    ? ["v4lconvert", "turbojpeg", "jpeg", "gpiod", "sodium", "pthread", "m", "rt", "dl"].map { .linkedLibrary($0) }
    : []

var targets: [Target] = [
    .systemLibrary(name: "CSystem", path: "Sources/CSystem"),
    .systemLibrary(name: "CV4L2", path: "Sources/CV4L2"),
    .systemLibrary(name: "CGPIOD", path: "Sources/CGPIOD"),
    .systemLibrary(name: "CTurboJPEG", path: "Sources/CTurboJPEG"),
    .systemLibrary(name: "CSodium", path: "Sources/CSodium"),

    // Pure logic: no C module, no device. Runs in `swift test`, in `vigil selftest` and on the board.
    .target(name: "VigilCore", swiftSettings: swiftSettings),
    // Motion, blobs, tracks, falls: integer arithmetic on luma, no allocation per frame.
    .target(name: "VigilAnalysis", dependencies: ["VigilCore"], swiftSettings: swiftSettings),
    // The unit's decisions: the day/night schedule, what an event does, which lamps are lit, the GPIO line settings.
    .target(name: "VigilUnit", dependencies: ["VigilCore", "VigilAnalysis"], swiftSettings: offFramePathSettings),
    // OpenCV's face cascades as integer tables, generated at build time (scripts/convert-cascades.py).
    .target(name: "CCascades", path: "Sources/CCascades"),
    // Faces in integer arithmetic: integral images, the pyramid, cascade evaluation, grouping.
    .target(name: "VigilPrivacy", dependencies: ["VigilCore", "CCascades"], swiftSettings: swiftSettings),
    // The store: the pre-event ring, the encrypted and signed clip format, its writer, reader and export.
    .target(name: "VigilEvidence", dependencies: ["VigilCore", "VigilDevices", "CSodium", "CSystem"], swiftSettings: offFramePathSettings),
    // The edges: camera, lights, system calls. Each device behind a small protocol.
    .target(
        name: "VigilDevices",
        dependencies: ["VigilCore", "CSystem", "CV4L2", "CGPIOD", "CTurboJPEG", "CSodium"],
        swiftSettings: offFramePathSettings),
    // The unit itself: the per-frame path (analyse, redact, encode, record) and the daemon
    // around it, with its settings.
    .target(
        name: "VigilAppliance",
        dependencies: ["VigilCore", "VigilAnalysis", "VigilPrivacy", "VigilEvidence", "VigilDevices", "VigilUnit", "CSystem", "CTurboJPEG"],
        swiftSettings: swiftSettings),
    // `vigil diag`: the checks a technician runs on the pole, each OK, WARN or FAIL with what to do.
    .target(name: "VigilDiagnostics", dependencies: ["VigilCore", "VigilDevices", "CSystem"], swiftSettings: offFramePathSettings),
    // The technician's restricted shell: its line editor, parser, command table and audit log.
    .target(name: "VigilMaintenance", dependencies: ["VigilCore", "VigilDevices", "VigilEvidence", "CSystem"], swiftSettings: offFramePathSettings),
    // The checks `vigil selftest` runs inside the firmware; `swift test` runs them too.
    .target(name: "VigilSelfTest", dependencies: ["VigilCore", "VigilAnalysis", "VigilEvidence", "VigilDevices", "VigilPrivacy", "VigilUnit"], swiftSettings: offFramePathSettings),
    .executableTarget(
        name: "vigil",
        dependencies: ["VigilCore", "VigilAnalysis", "VigilDevices", "VigilPrivacy", "VigilEvidence", "VigilAppliance", "VigilUnit", "VigilDiagnostics", "VigilSelfTest", "VigilMaintenance", "CSystem", "CTurboJPEG"],
        swiftSettings: offFramePathSettings,
        linkerSettings: firmwareLibraries),
]
if !embedded {
    targets += [
        .testTarget(name: "VigilCoreTests", dependencies: ["VigilCore", "VigilSelfTest"]),
        .testTarget(name: "VigilAnalysisTests", dependencies: ["VigilAnalysis", "VigilCore"]),
        .testTarget(name: "VigilUnitTests", dependencies: ["VigilUnit", "VigilAnalysis", "VigilCore"]),
        .testTarget(name: "VigilDiagnosticsTests", dependencies: ["VigilDiagnostics", "VigilUnit", "VigilAnalysis", "VigilCore"]),
        .testTarget(name: "VigilPrivacyTests", dependencies: ["VigilPrivacy", "VigilCore"]),
        .testTarget(name: "VigilEvidenceTests", dependencies: ["VigilEvidence", "VigilDevices", "VigilCore", "VigilAppliance", "VigilPrivacy"]),
        .testTarget(name: "VigilApplianceTests", dependencies: ["VigilAppliance", "VigilUnit", "VigilPrivacy", "VigilEvidence", "VigilDevices", "VigilAnalysis", "VigilCore"]),
        .testTarget(name: "VigilDevicesTests", dependencies: ["VigilDevices", "VigilAppliance", "VigilPrivacy", "VigilAnalysis", "VigilCore", "CSystem"]),
        .testTarget(name: "VigilMaintenanceTests", dependencies: ["VigilMaintenance", "VigilCore"]),
        // Runs the built `vigil` as a process (`swift test` builds every product first).
        .testTarget(name: "VigilCommandTests", dependencies: ["VigilCore"]),
        // `make bench`: host only, because counting allocations means replacing malloc in the process.
        .target(name: "CAllocationCounter"),
        .executableTarget(name: "vigil-bench", dependencies: ["VigilCore", "VigilAnalysis", "VigilDevices", "VigilEvidence", "VigilPrivacy", "VigilAppliance", "CAllocationCounter"]),
    ]
}

// `make fuzz` (VIGIL_FUZZ=1, `swift build --sanitize=fuzzer`): libFuzzer supplies `main`, so these
// executables link only in that build.
if Context.environment["VIGIL_FUZZ"] == "1" {
    let library: [SwiftSetting] = [.unsafeFlags(["-parse-as-library"])]
    targets += [
        .executableTarget(name: "fuzz-clip", dependencies: ["VigilEvidence"], swiftSettings: library),
        .executableTarget(name: "fuzz-y4m", dependencies: ["VigilCore"], swiftSettings: library),
        .executableTarget(name: "fuzz-config", dependencies: ["VigilCore", "VigilAnalysis"], swiftSettings: library),
    ]
}

let package = Package(name: "vigil", targets: targets)
