// CSV.swift: fields quoted as RFC 4180 asks.

/// CSV (or TSV) field encoding.
public enum CSV {
    /// `field` quoted when it holds the separator, a quote, or a line break (quotes doubled), as RFC 4180 asks.
    /// - Parameters:
    ///   - field: The field's text.
    ///   - separator: `,` for CSV, a tab for TSV.
    public static func field(_ field: String, separator: Character = ",") -> String {
        guard field.contains(where: { $0 == separator || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return field }
        return "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}

extension String {
    fileprivate func replacingOccurrences(of target: String, with replacement: String) -> String {
        split(separator: target, omittingEmptySubsequences: false).joined(separator: replacement)
    }
}
