import CGPIOD
import CSodium
import CTurboJPEG

/// The C libraries linked into this binary, with their versions, for `vigil --version`.
public enum LinkedLibraries {
    public static var summary: String {
        let jpeg = Int(VIGIL_LIBJPEG_TURBO_VERSION_NUMBER)
        return "libgpiod " + String(cString: gpiod_version_string())
            + ", libsodium " + String(cString: sodium_version_string())
            + ", libjpeg-turbo \(jpeg / 1_000_000).\(jpeg / 1000 % 1000).\(jpeg % 1000)"
            + ", libv4lconvert"
    }
}
