// SigV4Signature.swift: a signed request's signature, the headers to send, and the texts that made it.

/// The result of signing one request: the headers to add to it, the path and query to send, and the
/// intermediate texts (kept so that a signature can be checked step by step against AWS's published examples,
/// and so that a server's `SignatureDoesNotMatch` can be compared with what was signed).
///
/// Holds no secret: the signature is an HMAC, and the session token (in ``addedHeaders``) is sent in clear anyway.
package struct SigV4Signature: Sendable {
    /// The canonical request whose SHA-256 the string to sign holds.
    package let canonicalRequest: CanonicalRequest
    /// The string to sign: `AWS4-HMAC-SHA256`, the timestamp, the credential scope and the canonical request's
    /// SHA-256, one a line.
    package let stringToSign: String
    /// The signature, 64 lowercase hexadecimal digits.
    package let signature: String
    /// The `Authorization` header's value:
    /// `AWS4-HMAC-SHA256 Credential=<key id>/<scope>, SignedHeaders=<names>, Signature=<signature>`.
    package let authorization: String
    /// The headers to add to the request, in this order: `x-amz-date`, `x-amz-content-sha256` (when the signer
    /// sends it), `x-amz-security-token` (with temporary credentials), `Authorization`.
    package let addedHeaders: [(name: String, value: String)]

    /// The path to send, exactly as signed.
    package var encodedPath: String { canonicalRequest.encodedPath }
    /// The query to send (without `?`), exactly as signed; empty for none.
    package var encodedQuery: String { canonicalRequest.encodedQuery }

    /// Collects a signature's parts (the signer makes them).
    /// - Parameters:
    ///   - canonicalRequest: The canonical request.
    ///   - stringToSign: The string to sign.
    ///   - signature: The signature in hexadecimal.
    ///   - authorization: The `Authorization` header's value.
    ///   - addedHeaders: The headers to add to the request.
    package init(
        canonicalRequest: CanonicalRequest,
        stringToSign: String,
        signature: String,
        authorization: String,
        addedHeaders: [(name: String, value: String)]
    ) {
        self.canonicalRequest = canonicalRequest
        self.stringToSign = stringToSign
        self.signature = signature
        self.authorization = authorization
        self.addedHeaders = addedHeaders
    }
}
