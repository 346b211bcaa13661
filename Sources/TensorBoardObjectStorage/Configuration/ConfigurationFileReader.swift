// ConfigurationFileReader.swift: how the resolver reads the shared files, so that tests can give their own.

/// Reads the AWS shared files for ``S3Configuration/resolve(environment:files:)``: the system's files by
/// default (``SystemFileReader``), anything else in tests.
package protocol ConfigurationFileReader: Sendable {
    /// The bytes of the file at `path`, or `nil` when there is no file there (a missing shared file is not an
    /// error: the AWS tools treat it as empty).
    /// - Throws: ``S3ConfigurationError`` with ``S3ConfigurationError/Code/unreadableFile(errno:)`` when the
    ///   file exists but cannot be read.
    func contents(ofFile path: String) throws(S3ConfigurationError) -> [UInt8]?
}
