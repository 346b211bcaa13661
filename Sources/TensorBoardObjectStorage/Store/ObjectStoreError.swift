// ObjectStoreError.swift: why an object-storage request failed, naming the object but never a secret.

/// Why a request to an object store failed, after any retries.
///
/// ``description`` starts with the `s3://` location concerned and never holds a secret access key or session
/// token: a refusal names the access key id only.
package struct ObjectStoreError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What went wrong.
    package enum Code: Sendable, Equatable {
        /// The configuration (credentials, region, endpoint) could not be resolved.
        case configuration(S3ConfigurationError)
        /// The server refused the request (HTTP 403); `accessKeyID` is the key the request was signed with.
        case accessDenied(accessKeyID: String, serverCode: String, message: String)
        /// The bucket does not exist.
        case noSuchBucket
        /// The object does not exist.
        case noSuchKey
        /// Any other error status, after the retries for those that may pass (5xx, throttling).
        case server(status: Int, serverCode: String, message: String)
        /// No response: the connection failed or timed out, after the retries; `reason` is the HTTP stack's.
        case transport(reason: String)
        /// A response that does not hold what S3 sends (a listing that is not XML, a wrong range).
        case invalidResponse(reason: String)
    }

    /// What went wrong.
    package var code: Code
    /// The location concerned, `s3://bucket/key` (or the bucket's root).
    package var location: String
    /// How many requests were sent (1 when the failure was not retried).
    package var attempts: Int

    /// Creates an error.
    /// - Parameters:
    ///   - code: What went wrong.
    ///   - location: The `s3://` location concerned.
    ///   - attempts: How many requests were sent.
    package init(_ code: Code, location: String, attempts: Int = 1) {
        self.code = code
        self.location = location
        self.attempts = attempts
    }

    /// Whether the failure may pass if the request is sent again later (a server error, throttling, no
    /// connection), as opposed to one that will not (refused, missing, misconfigured).
    package var isTransient: Bool {
        switch code {
        case .server(let status, _, _): return status >= 500 || status == 429
        case .transport: return true
        case .configuration, .accessDenied, .noSuchBucket, .noSuchKey, .invalidResponse: return false
        }
    }

    /// `location: reason`, with the attempts when there were several.
    package var description: String {
        let tries = attempts > 1 ? " (after \(attempts) attempts)" : ""
        switch code {
        case .configuration(let error): return "\(location): \(error)"
        case .accessDenied(let keyID, let serverCode, let message):
            let detail = [serverCode, message].filter { !$0.isEmpty }.joined(separator: ": ")
            return "\(location): access denied for access key id \(keyID)" + (detail.isEmpty ? "" : " (\(detail))")
        case .noSuchBucket:
            let bucket = location.dropFirst("s3://".count).prefix { $0 != "/" }
            return "\(location): no such bucket '\(bucket)'"
        case .noSuchKey: return "\(location): no such object"
        case .server(let status, let serverCode, let message):
            let detail = [serverCode, message].filter { !$0.isEmpty }.joined(separator: ": ")
            return "\(location): HTTP \(status)" + (detail.isEmpty ? "" : " \(detail)") + tries
        case .transport(let reason): return "\(location): no response: \(reason)" + tries
        case .invalidResponse(let reason): return "\(location): invalid response: \(reason)"
        }
    }
}
