// SigningTime.swift: the moment a request is signed, written as Signature Version 4 writes it.

/// The moment a request is signed, in whole seconds of UTC, and its two spellings in a signature: the
/// `x-amz-date` timestamp `YYYYMMDD'T'HHMMSS'Z'` and the credential scope's date `YYYYMMDD`.
///
/// The calendar is the proleptic Gregorian one, computed from days since 1970 (Howard Hinnant's
/// `civil_from_days`), so no time zone database or formatter is involved. Years outside 0...9999 cannot be
/// written in four digits; ``init(secondsSince1970:)`` clamps to that range, which no real clock reaches.
package struct SigningTime: Sendable, Equatable {
    /// Seconds since 1970-01-01T00:00:00Z, leap seconds not counted (POSIX time).
    package let secondsSince1970: Int64

    /// The `x-amz-date` value, such as `20150830T123600Z`.
    package let timestamp: String

    /// The date in the credential scope, such as `20150830`.
    package var date: String { String(timestamp.prefix(8)) }

    /// The time `secondsSince1970` seconds after 1970-01-01T00:00:00Z.
    package init(secondsSince1970: Int64) {
        // 0000-01-01 and 9999-12-31T23:59:59Z.
        let seconds = min(max(secondsSince1970, -62_167_219_200), 253_402_300_799)
        self.secondsSince1970 = seconds
        let days = seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400
        let secondOfDay = seconds - days * 86_400
        let (year, month, day) = Self.civil(fromDaysSince1970: days)
        timestamp =
            Self.digits(year, 4) + Self.digits(month, 2) + Self.digits(day, 2) + "T"
            + Self.digits(secondOfDay / 3600, 2) + Self.digits(secondOfDay % 3600 / 60, 2)
            + Self.digits(secondOfDay % 60, 2) + "Z"
    }

    /// The Gregorian year, month (1...12) and day (1...31) of a day number counted from 1970-01-01.
    private static func civil(fromDaysSince1970 days: Int64) -> (Int64, Int64, Int64) {
        let shifted = days + 719_468
        let era = (shifted >= 0 ? shifted : shifted - 146_096) / 146_097
        let dayOfEra = shifted - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthIndex = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * monthIndex + 2) / 5 + 1
        let month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9
        let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
        return (year, month, day)
    }

    /// `value` in decimal, zero-padded to `width` digits.
    private static func digits(_ value: Int64, _ width: Int) -> String {
        let text = String(value)
        return String(repeating: "0", count: max(0, width - text.count)) + text
    }
}
