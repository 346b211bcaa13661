// S3ConfigurationError.swift: why the AWS configuration (environment, ~/.aws files) could not be resolved.

/// Why the S3 configuration could not be resolved: a shared file that cannot be read or parsed, a profile or
/// services section that does not exist, incomplete or missing credentials, a bad region or endpoint.
///
/// ``description`` starts with where the problem is (the file, with its line, or the environment variable or
/// file key) and never holds a secret: file lines are not quoted (a malformed credentials line may hold one),
/// credentials are named by key only, and an endpoint URL is quoted only when it has no user information.
package struct S3ConfigurationError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What went wrong.
    package enum Code: Sendable, Equatable {
        /// The file exists but could not be read; `errno` says why.
        case unreadableFile(errno: Int32)
        /// The file is not UTF-8 text.
        case notUTF8
        /// A line of the file is not INI syntax as the AWS tools read it; `problem` says what was expected.
        case syntax(line: Int, problem: String)
        /// `AWS_PROFILE` names a profile that neither shared file defines.
        case profileNotFound(name: String, searched: [String])
        /// The profile's `services` names a `[services name]` section that the config file does not have.
        case servicesSectionNotFound(profile: String, section: String)
        /// One half of an access key pair was given without the other; `missing` names the absent one.
        case partialCredentials(missing: String)
        /// No access key pair anywhere: not in the environment nor in the profile of either file.
        case noCredentials(profile: String, searched: [String])
        /// A region that is not a region name (letters, digits and hyphens).
        case invalidRegion(String)
        /// An endpoint that is not an `http` or `https` URL of a host (and port), or is one with a path, a
        /// query, or user information; `problem` says which.
        case invalidEndpoint(url: String, problem: String)
    }

    /// What went wrong.
    package var code: Code
    /// Where: a file's path, an environment variable's name, or `path: key` for a file's setting.
    package var source: String

    /// Creates an error.
    /// - Parameters:
    ///   - code: What went wrong.
    ///   - source: The file, environment variable or file setting concerned.
    package init(_ code: Code, source: String) {
        self.code = code
        self.source = source
    }

    /// `source: reason`, with the value received where it is not secret.
    package var description: String {
        switch code {
        case .unreadableFile(let errno): return "\(source): cannot read the file (errno \(errno))"
        case .notUTF8: return "\(source): not UTF-8 text"
        case .syntax(let line, let problem): return "\(source):\(line): \(problem)"
        case .profileNotFound(let name, let searched):
            return "\(source): profile '\(name)' is in neither \(searched.joined(separator: " nor "))"
        case .servicesSectionNotFound(let profile, let section):
            return "\(source): profile '\(profile)' uses services '\(section)', but there is no [services \(section)]"
        case .partialCredentials(let missing):
            return "\(source): an access key id is given without its secret access key (\(missing) is missing)"
        case .noCredentials(let profile, let searched):
            return "\(source): no S3 credentials: set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, or give profile "
                + "'\(profile)' aws_access_key_id and aws_secret_access_key in \(searched.joined(separator: " or "))"
        case .invalidRegion(let region):
            return "\(source): a region must be letters, digits and hyphens (as us-east-1). Received: \(region)"
        case .invalidEndpoint(let url, let problem):
            let received = url.contains("@") ? "" : ". Received: \(url)"
            return "\(source): \(problem)\(received)"
        }
    }
}
