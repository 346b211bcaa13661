// CSV.swift: fields quoted as RFC 4180 asks, with formula injection neutralised.

/// CSV (or TSV) field encoding.
enum CSV {
    /// `field` ready for a CSV (or TSV) file:
    /// - text that a spreadsheet would run as a formula (starting with `=`, `+`, `-`, `@`, a tab or a carriage
    ///   return) gets a leading `'`, as OWASP recommends and common CSV writers do; numbers are never touched
    ///   (they are not text cells), so `-0.5` stays a number for pandas and spreadsheets;
    /// - bytes that were not valid UTF-8 are shown as `\xNN`;
    /// - then the field is quoted when it holds the separator, a quote or a line break (quotes doubled).
    /// - Parameters:
    ///   - field: The field's text.
    ///   - separator: `,` for CSV, a tab for TSV.
    ///   - isText: Whether the field is text (and so neutralised); `true` by default.
    static func field(_ field: String, separator: Character = ",", isText: Bool = true) -> String {
        var value = TerminalSafety.showingBytes(field)
        if isText, let first = value.unicodeScalars.first, "=+-@\t\r".unicodeScalars.contains(first) {
            value = "'" + value
        }
        guard value.contains(where: { $0 == separator || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return value }
        return "\"" + value.split(separator: "\"", omittingEmptySubsequences: false).joined(separator: "\"\"") + "\""
    }
}
