/// The firmware's version, shown by `vigil --version` and later by the diagnostics.
public enum VigilVersion {
    public static let number = "0.1.0"

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
