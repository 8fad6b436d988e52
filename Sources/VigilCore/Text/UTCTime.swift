/// "2026-12-01T22:47:05.123Z" from milliseconds since 1970, without a calendar library
/// (Howard Hinnant's civil-from-days).
public func utcTimestamp(milliseconds: Int64) -> String {
    let days = milliseconds >= 0 ? milliseconds / 86_400_000 : (milliseconds - 86_399_999) / 86_400_000
    let inDay = milliseconds - days * 86_400_000
    let shifted = days + 719_468
    let era = (shifted >= 0 ? shifted : shifted - 146_096) / 146_097
    let dayOfEra = shifted - era * 146_097
    let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
    let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
    let monthIndex = (5 * dayOfYear + 2) / 153
    let day = dayOfYear - (153 * monthIndex + 2) / 5 + 1
    let month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9
    let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
    return digits(year, 4) + "-" + digits(month, 2) + "-" + digits(day, 2) + "T" + digits(inDay / 3_600_000, 2) + ":"
        + digits(inDay / 60_000 % 60, 2) + ":" + digits(inDay / 1000 % 60, 2) + "." + digits(inDay % 1000, 3) + "Z"
}

private func digits(_ value: Int64, _ count: Int) -> String {
    var text = String(value)
    while text.count < count { text = "0" + text }
    return text
}
