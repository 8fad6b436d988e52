/// The firmware's version, shown by `vigil --version` and later by the diagnostics.
public enum VigilVersion {
    public static let number = "0.1.0"

    /// "0.1.0 (firmware, aarch64)": what `vigil --version` and the diagnostics name.
    public static var build: String { number + " (" + flavour + ", " + architecture + ")" }

    /// Which of the two builds this is: the Embedded firmware or the normal host build.
    public static var flavour: String {
        #if hasFeature(Embedded)
        return "firmware"
        #else
        return "host"
        #endif
    }

    public static var architecture: String {
        #if arch(arm64)
        return "aarch64"
        #elseif arch(x86_64)
        return "x86_64"
        #else
        return "unknown"
        #endif
    }
}
