// OutputFormat.swift: the table formats every table command offers.

/// How a table is printed.
public enum OutputFormat: String, CaseIterable, Sendable {
    /// Aligned columns for people (the default on a terminal), control characters escaped.
    case text
    /// Comma-separated values (RFC 4180), formula-like text neutralised.
    case csv
    /// Tab-separated values.
    case tsv
    /// One JSON array of objects.
    case json
    /// One JSON object per line.
    case jsonl
    /// A Markdown table.
    case markdown

    /// The values, for help and error messages.
    static var valueList: String { allCases.map(\.rawValue).joined(separator: ", ") }

    /// The format named `name`, or `nil` when no name is given.
    /// - Throws: ``UsageError`` for an unknown name.
    static func parse(_ name: String?) throws(UsageError) -> OutputFormat? {
        guard let name else { return nil }
        guard let format = OutputFormat(rawValue: name) else {
            throw UsageError("unknown format '\(name)' (values: \(valueList))")
        }
        return format
    }

    /// The help line of `--format`, with the command's default.
    static func helpLine(default description: String) -> String {
        "  --format <format>       Output format. (values: \(valueList); default: \(description))"
    }
}
