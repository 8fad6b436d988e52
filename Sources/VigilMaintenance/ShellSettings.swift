/// What the maintenance shell takes from the unit's configuration.
public struct ShellSettings: Sendable {
    public var configurationPath: String
    public var storeDirectory: String
    public var logFile: String?
    public var auditLog: String
    public var timeZone: String

    public init(configurationPath: String, storeDirectory: String, logFile: String?, auditLog: String, timeZone: String) {
        self.configurationPath = configurationPath
        self.storeDirectory = storeDirectory
        self.logFile = logFile
        self.auditLog = auditLog
        self.timeZone = timeZone
    }
}
