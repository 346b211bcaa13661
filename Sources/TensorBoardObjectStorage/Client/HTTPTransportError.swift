// HTTPTransportError.swift: why a transport got no response (connection refused, timed out, bad URL).

/// A request that got no HTTP response at all: the connection was refused or reset, the request timed out, the
/// name did not resolve, the certificate was refused. The S3 client retries it as transient and reports
/// `reason` in ``ObjectStoreError/Code/transport(reason:)``.
package struct HTTPTransportError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What the HTTP stack said, such as URLError's description.
    package var reason: String

    /// Creates an error.
    package init(reason: String) {
        self.reason = reason
    }

    /// The reason.
    package var description: String { reason }
}
