import CSystem
import VigilDevices

/// Who is at the shell, for the audit log: the account, the terminal and where the connection
/// comes from ("console" on the serial line).
public struct SessionIdentity: Sendable {
    public let user: String
    public let terminal: String
    public let origin: String

    public init(user: String, terminal: String, origin: String) {
        self.user = user
        self.terminal = terminal
        self.origin = origin
    }

    /// The current process's: the account from /etc/passwd by uid (the static firmware has no
    /// NSS for getpwuid), the terminal of standard input, the client address sshd puts in SSH_CLIENT.
    public static func current() -> SessionIdentity {
        let uid = Int(getuid())
        var user = "uid" + String(uid)
        if let passwd = try? FileSystem.readFile("/etc/passwd", limit: 1 << 20) {
            user = accountName(uid: uid, passwd: passwd) ?? user
        }
        return SessionIdentity(user: user, terminal: RawTerminal.name(of: 0) ?? "none",
                               origin: sshClientAddress(environmentValue("SSH_CLIENT")) ?? "console")
    }

    /// The name of the account with `uid` in an /etc/passwd text.
    static func accountName(uid: Int, passwd: [UInt8]) -> String? {
        for entry in passwd.split(separator: 0x0a) {
            let fields = entry.split(separator: 0x3a, omittingEmptySubsequences: false)
            if fields.count > 2, Int(String(decoding: fields[2], as: UTF8.self)) == uid {
                return String(decoding: fields[0], as: UTF8.self)
            }
        }
        return nil
    }

    /// The address in "192.0.2.7 50022 22"; nil unless it looks like an IPv4 or IPv6 address.
    static func sshClientAddress(_ value: String?) -> String? {
        guard let first = value?.split(separator: " ").first, !first.isEmpty, first.count <= 45,
              first.utf8.allSatisfy({ ($0 >= 0x30 && $0 <= 0x3a) || $0 == 0x2e || ($0 >= 0x61 && $0 <= 0x66) || ($0 >= 0x41 && $0 <= 0x46) })
        else { return nil }
        return String(first)
    }
}

func environmentValue(_ name: String) -> String? {
    guard let value = getenv(name) else { return nil }
    return String(cString: value)
}
