// AWSSharedFiles.swift: ~/.aws/credentials and ~/.aws/config, read and parsed, and their profiles.

/// The two shared files of the AWS CLI and SDKs, read and parsed: the credentials file
/// (`AWS_SHARED_CREDENTIALS_FILE`, else `~/.aws/credentials`), whose sections are profiles named as they are
/// (`[default]`, `[ceph]`), and the config file (`AWS_CONFIG_FILE`, else `~/.aws/config`), whose profiles are
/// `[default]` and `[profile name]` and which also holds `[services name]` sections.
///
/// A missing file reads as empty. A path starting with `~/` is taken under `HOME`; without `HOME` such a file is
/// not read.
package struct AWSSharedFiles: Sendable {
    /// The credentials file's path, or `nil` when it could not be placed (no `HOME`).
    package let credentialsPath: String?
    /// The config file's path, or `nil` when it could not be placed (no `HOME`).
    package let configPath: String?
    /// The credentials file's sections (none when missing).
    package let credentials: INIFile?
    /// The config file's sections (none when missing).
    package let config: INIFile?

    /// Reads and parses both files.
    /// - Parameters:
    ///   - environment: Where `AWS_SHARED_CREDENTIALS_FILE`, `AWS_CONFIG_FILE` and `HOME` are read.
    ///   - reader: Reads the files.
    /// - Throws: ``S3ConfigurationError`` for a file that cannot be read, is not UTF-8 or does not parse.
    package init(environment: EnvironmentVariables, reader: some ConfigurationFileReader) throws(S3ConfigurationError) {
        func place(_ variable: String, _ defaultPath: String) -> String? {
            let path = environment[variable] ?? defaultPath
            guard path.hasPrefix("~/") else { return path }
            guard let home = environment["HOME"] else { return nil }
            return (home.hasSuffix("/") ? String(home.dropLast()) : home) + path.dropFirst()
        }
        credentialsPath = place("AWS_SHARED_CREDENTIALS_FILE", "~/.aws/credentials")
        configPath = place("AWS_CONFIG_FILE", "~/.aws/config")
        credentials = try Self.parse(credentialsPath, reader)
        config = try Self.parse(configPath, reader)
    }

    /// The file at `path` parsed, or `nil` when there is none.
    private static func parse(
        _ path: String?,
        _ reader: some ConfigurationFileReader
    ) throws(S3ConfigurationError)
        -> INIFile?
    {
        guard let path, let bytes = try reader.contents(ofFile: path) else { return nil }
        guard let text = String(validating: bytes, as: UTF8.self) else {
            throw S3ConfigurationError(.notUTF8, source: path)
        }
        return try INIFile(parsing: text.hasPrefix("\u{FEFF}") ? String(text.dropFirst()) : text, path: path)
    }

    /// The credentials file's section for profile `name`.
    package func credentialsProfile(_ name: String) -> INISection? { credentials?.sections[name] }

    /// The config file's section for profile `name`: `[profile name]`, or `[default]` for `default`.
    package func configProfile(_ name: String) -> INISection? {
        if let section = namedSection(kind: "profile", name: name) { return section }
        return name == "default" ? config?.sections["default"] : nil
    }

    /// The settings of profile `name` as botocore scopes them: the config file's profile with the credentials
    /// file's section of the same name laid over it, so that a `region` in the credentials file wins; `nil` when
    /// neither file has the profile.
    package func scopedProfile(_ name: String) -> INISection? {
        let config = configProfile(name)
        guard let credentials = credentialsProfile(name) else { return config }
        var merged = config ?? INISection()
        merged.values.merge(credentials.values) { _, fromCredentials in fromCredentials }
        merged.subsections.merge(credentials.subsections) { _, fromCredentials in fromCredentials }
        return merged
    }

    /// The config file's `[services name]` section.
    package func servicesSection(_ name: String) -> INISection? { namedSection(kind: "services", name: name) }

    /// The config file's section `[<kind> <name>]`, spaces around and between the words not counting.
    private func namedSection(kind: String, name: String) -> INISection? {
        config?.sections.first { key, _ in
            let words = key.split(whereSeparator: { $0 == " " || $0 == "\t" })
            return words.count == 2 && words[0] == kind && words[1] == name
        }?.value
    }

    /// The files' paths that could be placed, for messages.
    package var paths: [String] { [credentialsPath, configPath].compactMap { $0 } }
}
