// OutputFormat.swift: the table formats every table command offers.

/// How a table is printed.
enum OutputFormat: String, CaseIterable, Sendable {
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

    /// What the help of every table command says about text from logs, control characters and formulas.
    static let controlCharactersHelp = """
        Text from the log (run names, tags, text summaries) never reaches a terminal raw: on a terminal, control
        characters and invisible formatting characters (bidirectional overrides, zero-width spaces, line
        separators) are shown escaped (\\e, \\x07, \\n, \\u{9b}, \\u{202e}; a backslash is doubled) in every
        format. Written to a file or a pipe, CSV and TSV keep the exact text, quoted as RFC 4180 says, so a file
        reads back as it was written, with one exception: text a spreadsheet would run as a formula (starting
        with =, +, -, @, a tab or a carriage return) gets a leading '. JSON and JSON lines escape control
        characters as JSON requires (\\n, \\u001b), so their strings always read back exactly. Aligned text and
        Markdown always escape them.
        """

    /// The help line of `--format`, with the command's default.
    static func helpLine(default description: String) -> String {
        "  --format <format>       Output format. (values: \(valueList); default: \(description))"
    }
}
