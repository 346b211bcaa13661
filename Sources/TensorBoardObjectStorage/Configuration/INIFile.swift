// INIFile.swift: the INI dialect of ~/.aws/credentials and ~/.aws/config, as botocore reads it.

/// An AWS shared file parsed as botocore parses it (Python's `RawConfigParser`, then nested blocks):
///
/// - `[name]` starts a section; the name is kept exactly, spaces included.
/// - `name = value` or `name: value` sets a value in the current section, split at the first `=` or `:`; the
///   name is trimmed and lowercased, the value trimmed. A `#` or `;` after the value is part of it.
/// - A line starting with whitespace continues the previous value on a new line; a value that is empty on its
///   own line and continued is a nested block of `name = value` lines, which the AWS tools read as a
///   subsection (`s3 =` then `  endpoint_url = http://localhost:8000`).
/// - Whole-line comments start with `#` or `;`; blank lines are ignored.
///
/// As in botocore, a setting before any section, a line that is none of these, a section or a setting given
/// twice, and a nested line without `=` are errors, each naming the file and line; the line's text is never
/// quoted, since a credentials file's malformed line may hold a secret.
package struct INIFile: Sendable, Equatable {
    /// The sections, by name.
    package var sections: [String: INISection]

    /// Parses `text`, the contents of the file at `path` (named in errors).
    /// - Throws: ``S3ConfigurationError`` with ``S3ConfigurationError/Code/syntax(line:problem:)``.
    package init(parsing text: String, path: String) throws(S3ConfigurationError) {
        var sections: [String: INISection] = [:]
        var section: String?
        var option: (name: String, value: String, line: Int)?

        func finish() throws(S3ConfigurationError) {
            guard let current = option, let name = section else { return }
            option = nil
            let lines = current.value.split(separator: "\n", omittingEmptySubsequences: false)
            guard lines.count > 1, lines[0].isEmpty else {
                sections[name, default: INISection()].values[current.name] = current.value
                return
            }
            var nested: [String: String] = [:]
            for (offset, line) in lines.dropFirst().enumerated() where !line.isEmpty {
                guard let equals = line.firstIndex(of: "=") else {
                    let problem = "expected `name = value` in the block under '\(current.name)'"
                    throw S3ConfigurationError(.syntax(line: current.line + 1 + offset, problem: problem), source: path)
                }
                nested[Self.trimmed(line[..<equals])] = Self.trimmed(line[line.index(after: equals)...])
            }
            sections[name, default: INISection()].subsections[current.name] = nested
        }

        // Lines end in `\n`, `\r\n` or `\r` (Python's universal newlines); `\r\n` is one Character in Swift.
        let lines = text.split(omittingEmptySubsequences: false) { $0 == "\n" || $0 == "\r\n" || $0 == "\r" }
        for (index, line) in lines.enumerated() {
            let number = index + 1
            let content = Self.trimmed(line)
            if content.isEmpty || content.hasPrefix("#") || content.hasPrefix(";") { continue }
            if line.first == " " || line.first == "\t", let current = option {
                // A continuation line: kept trimmed, on a line of its own.
                option = (current.name, current.value + "\n" + content, current.line)
                continue
            }
            try finish()
            if content.hasPrefix("["), let close = content.lastIndex(of: "]"),
                close > content.index(after: content.startIndex)
            {
                let name = String(content[content.index(after: content.startIndex)..<close])
                guard sections[name] == nil else {
                    throw S3ConfigurationError(
                        .syntax(line: number, problem: "section [\(name)] given twice"),
                        source: path
                    )
                }
                sections[name] = INISection()
                section = name
                continue
            }
            guard let delimiter = content.firstIndex(where: { $0 == "=" || $0 == ":" }) else {
                let problem = "expected `[section]` or `name = value`"
                throw S3ConfigurationError(.syntax(line: number, problem: problem), source: path)
            }
            let name = Self.trimmed(content[..<delimiter]).lowercased()
            guard let current = section else {
                let problem = "a setting before the first [section]"
                throw S3ConfigurationError(.syntax(line: number, problem: problem), source: path)
            }
            guard !name.isEmpty else {
                throw S3ConfigurationError(.syntax(line: number, problem: "a setting without a name"), source: path)
            }
            let existing = sections[current]
            guard existing?.values[name] == nil, existing?.subsections[name] == nil else {
                let problem = "'\(name)' given twice in [\(current)]"
                throw S3ConfigurationError(.syntax(line: number, problem: problem), source: path)
            }
            option = (name, Self.trimmed(content[content.index(after: delimiter)...]), number)
        }
        try finish()
        self.sections = sections
    }

    /// `text` without leading and trailing spaces and tabs.
    private static func trimmed(_ text: Substring) -> String {
        String(
            text.drop(while: { $0 == " " || $0 == "\t" }).reversed().drop(while: { $0 == " " || $0 == "\t" }).reversed()
        )
    }
}
