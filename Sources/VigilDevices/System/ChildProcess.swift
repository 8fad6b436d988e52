import CSystem

/// Another program run with an argument list and environment fixed by the caller: never
/// through /bin/sh, so nothing in an argument is ever interpreted.
public enum ChildProcess {
    /// Runs `path` with `arguments` (argv[0] included) and `environment` ("NAME=value"),
    /// waits, and returns its exit status (128 + N when signal N ended it).
    public static func run(_ path: String, arguments: [String], environment: [String]) throws(DeviceError) -> Int32 {
        var argv = arguments.map { strdup($0) }
        argv.append(nil)
        var envp = environment.map { strdup($0) }
        envp.append(nil)
        defer {
            for pointer in argv { free(pointer) }
            for pointer in envp { free(pointer) }
        }
        let result = vigil_spawn_and_wait(path, &argv, &envp)
        guard result >= 0 else {
            throw DeviceError("run " + path, errno: Errno(rawValue: -result), hint: "check that the file exists and is executable")
        }
        return result
    }

    /// The path of the running executable, so the shell starts exactly this vigil.
    public static func ownExecutable() -> String? {
        var buffer = [CChar](repeating: 0, count: 4096)
        let count = readlink("/proc/self/exe", &buffer, buffer.count - 1)
        guard count > 0 else { return nil }
        return String(decoding: buffer[0..<count].map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }
}
