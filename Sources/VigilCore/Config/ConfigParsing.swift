extension ConfigFile {
    /// Parses a configuration file:
    ///
    ///     # comment lines and blank lines are ignored
    ///     [analysis]
    ///     fall_confirm_ms = 2000    # so is everything after a '#'
    ///
    /// `sections` are the sections the file may have, with their keys. A malformed line, an
    /// unknown section or key, and a key given twice are errors; parsing goes on after each.
    @_optimize(size)
    public init(parsing bytes: [UInt8], sections: [ConfigSection]) {
        var lines: [ConfigLine] = []
        var errors: [ConfigError] = []
        var current: ConfigSection? = nil
        // After an unknown [section] header its lines are skipped: the header is the one error.
        var skippingUnknownSection = false
        let text = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? bytes.dropFirst(3) : bytes[...]  // a BOM from Windows editors
        var number = 0
        for raw in text.split(separator: 0x0A, omittingEmptySubsequences: false) {
            number += 1
            let line = trimmed(raw.prefix { $0 != UInt8(ascii: "#") })
            if line.isEmpty { continue }
            func refuse(_ reason: String) { errors.append(ConfigError(line: number, reason: reason)) }

            if line.first == UInt8(ascii: "[") {
                guard line.count > 2, line.last == UInt8(ascii: "]") else {
                    // The section before stays in force: its lines are still checked.
                    refuse("expected a section header such as [analysis]")
                    continue
                }
                let name = string(trimmed(line.dropFirst().dropLast()))
                current = sections.first { $0.name == name }
                skippingUnknownSection = current == nil
                if current == nil { refuse("unknown section [" + name + "] (known: " + commaSeparated(sections.map { $0.name }) + ")") }
                continue
            }
            guard let equals = line.firstIndex(of: UInt8(ascii: "=")), equals != line.startIndex else {
                refuse("expected 'key = value'")
                continue
            }
            let key = string(trimmed(line[..<equals]))
            let value = string(trimmed(line[(equals + 1)...]))
            if skippingUnknownSection { continue }
            guard let section = current else {
                let owner = sections.first { $0.keys.contains(key) }
                refuse("'" + key + "' appears before any [section]; put it under "
                       + (owner.map { "[" + $0.name + "]" } ?? "its section (known: " + commaSeparated(sections.map { $0.name }) + ")"))
                continue
            }
            guard section.keys.contains(key) else {
                refuse("unknown key '" + key + "' in [" + section.name + "] (known: " + commaSeparated(section.keys) + ")")
                continue
            }
            guard !value.isEmpty else {
                refuse("'" + key + "' has no value; write '" + key + " = VALUE' or remove the line")
                continue
            }
            if !section.repeatableKeys.contains(key),
               let earlier = lines.first(where: { $0.section == section.name && $0.key == key }) {
                refuse("'" + key + "' is already set on line \(earlier.number); keep one of the two")
                continue
            }
            lines.append(ConfigLine(number: number, section: section.name, key: key, value: value))
        }
        self.init(lines: lines, errors: errors)
    }

    public init(parsing text: String, sections: [ConfigSection]) {
        self.init(parsing: Array(text.utf8), sections: sections)
    }
}

/// Without the spaces, tabs and carriage returns (files written on Windows) at either end.
private func trimmed(_ bytes: ArraySlice<UInt8>) -> ArraySlice<UInt8> {
    func isBlank(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 || byte == 0x0D }
    guard let first = bytes.firstIndex(where: { !isBlank($0) }), let last = bytes.lastIndex(where: { !isBlank($0) }) else { return [] }
    return bytes[first...last]
}

private func string(_ bytes: ArraySlice<UInt8>) -> String { String(decoding: bytes, as: UTF8.self) }
