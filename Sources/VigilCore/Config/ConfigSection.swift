/// What one `[section]` of the configuration file accepts. The module that owns the settings
/// describes its section; the parser refuses any other section or key.
public struct ConfigSection: Sendable {
    public let name: String
    public let keys: [String]
    /// Keys that may be given on several lines, each adding one value (a zone); any other key
    /// may be given once.
    public let repeatableKeys: [String]

    public init(name: String, keys: [String], repeatableKeys: [String] = []) {
        self.name = name
        self.keys = keys
        self.repeatableKeys = repeatableKeys
    }
}

/// `a, b, c`: how error messages list names.
public func commaSeparated(_ words: [String]) -> String {
    var text = ""
    for word in words { text += (text.isEmpty ? "" : ", ") + word }
    return text
}
