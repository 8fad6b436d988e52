extension String {
    /// Whether `needle` occurs in this string, byte for byte in UTF-8.
    /// (`String.contains(String)` comes from _StringProcessing, which Embedded Swift lacks.)
    public func includes(_ needle: String) -> Bool {
        var haystackText = self
        var needleText = needle
        return haystackText.withUTF8 { haystack in
            needleText.withUTF8 { pattern in
                guard pattern.count <= haystack.count else { return false }
                guard !pattern.isEmpty else { return true }
                for start in 0...(haystack.count - pattern.count)
                where haystack[start] == pattern[0] && haystack[start..<(start + pattern.count)].elementsEqual(pattern) {
                    return true
                }
                return false
            }
        }
    }
}
