// INISection.swift: one [section] of an AWS shared configuration file.

/// One `[section]` of an AWS shared file: its settings, and the nested blocks the AWS tools read under a
/// setting with an empty value followed by indented `name = value` lines (`s3 =` then `  endpoint_url = …`).
package struct INISection: Sendable, Equatable {
    /// The settings, by name lowercased, with their values trimmed (a value continued on indented lines keeps
    /// its line breaks).
    package var values: [String: String] = [:]
    /// The nested blocks, by the name of the setting that opens them, each a map of trimmed names to values.
    package var subsections: [String: [String: String]] = [:]

    /// An empty section.
    package init() {}
}
