// AWSCredentials.swift: an access key pair, and the session token of temporary credentials.

/// An AWS access key pair, with the session token that temporary credentials (from STS, SSO or an assumed
/// role) carry.
///
/// The secret never leaves this value except into the signing key: ``description``, `debugDescription` and
/// the reflection `dump` and debuggers use show the access key id and hide the secret and the token, so that
/// printing a configuration or an error cannot leak them.
package struct AWSCredentials: Sendable, Equatable, CustomStringConvertible, CustomDebugStringConvertible,
    CustomReflectable
{
    /// The access key id, such as `AKIAIOSFODNN7EXAMPLE`; not secret, and named in error messages.
    package var accessKeyID: String
    /// The secret access key. Never printed.
    package var secretAccessKey: String
    /// The session token of temporary credentials, sent as `x-amz-security-token`; `nil` for long-term keys.
    /// Never printed.
    package var sessionToken: String?

    /// Creates credentials.
    /// - Parameters:
    ///   - accessKeyID: The access key id.
    ///   - secretAccessKey: The secret access key.
    ///   - sessionToken: The session token of temporary credentials, or `nil`.
    package init(accessKeyID: String, secretAccessKey: String, sessionToken: String? = nil) {
        self.accessKeyID = accessKeyID
        self.secretAccessKey = secretAccessKey
        self.sessionToken = sessionToken
    }

    /// `access key id AKIA… (secret hidden)`, with `, session token hidden` for temporary credentials.
    package var description: String {
        "access key id \(accessKeyID) (secret hidden\(sessionToken == nil ? "" : ", session token hidden"))"
    }

    /// The same as ``description``.
    package var debugDescription: String { description }

    /// The access key id only, so that `dump` and debuggers show no secret.
    package var customMirror: Mirror {
        Mirror(self, children: ["accessKeyID": accessKeyID], displayStyle: .struct)
    }
}
