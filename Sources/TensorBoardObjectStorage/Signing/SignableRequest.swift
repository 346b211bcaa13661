// SignableRequest.swift: the parts of an HTTP request that Signature Version 4 covers.

/// The parts of an HTTP request that a Signature Version 4 signature covers, before signing.
///
/// The path and the query are given decoded (an object key as it is, `a b/c` rather than `a%20b/c`): the signer
/// encodes them once, with S3's rules, and the caller must send the path and query it reports
/// (``SigV4Signature/encodedPath``, ``SigV4Signature/encodedQuery``) so that what is sent is what was signed.
/// Every header given is signed, as well as `host` and the headers the signer adds.
package struct SignableRequest: Sendable {
    /// The HTTP method, such as `GET` or `PUT`, as sent.
    package var method: String
    /// The `Host` header's value: the host name, with `:port` when the port is not the scheme's default.
    package var host: String
    /// The path, decoded, starting with `/` (an empty path is signed as `/`).
    package var path: String
    /// The query parameters, decoded, in any order (the signature sorts them); a parameter with no value, such
    /// as S3's `?lifecycle`, has an empty value.
    package var query: [(name: String, value: String)]
    /// Further headers to sign and send (`Range`, `Content-Type`, `Date`…), in any order and any case; a name
    /// given more than once is signed with its values joined by commas, in the order given.
    package var headers: [(name: String, value: String)]
    /// The body's hash, or ``PayloadHash/unsigned``.
    package var payloadHash: PayloadHash

    /// Creates a request to sign.
    /// - Parameters:
    ///   - method: The HTTP method.
    ///   - host: The `Host` header's value.
    ///   - path: The decoded path, starting with `/`.
    ///   - query: The decoded query parameters.
    ///   - headers: Further headers to sign.
    ///   - payloadHash: The body's hash, or ``PayloadHash/unsigned``.
    package init(
        method: String,
        host: String,
        path: String,
        query: [(name: String, value: String)] = [],
        headers: [(name: String, value: String)] = [],
        payloadHash: PayloadHash = .empty
    ) {
        self.method = method
        self.host = host
        self.path = path
        self.query = query
        self.headers = headers
        self.payloadHash = payloadHash
    }
}
