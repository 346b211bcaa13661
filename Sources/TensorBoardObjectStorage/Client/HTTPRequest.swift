// HTTPRequest.swift: one HTTP request as the S3 client hands it to a transport.

/// An HTTP request ready to send: the method, the full URL (already percent-encoded, as the signature's
/// canonical path and query spell it), the headers to send as given, and the body.
///
/// The transport sends exactly these headers (adding only what the HTTP stack itself must, such as `Host` from the
/// URL), so that what the server receives is what was signed.
package struct HTTPRequest: Sendable {
    /// `GET`, `HEAD`, `PUT` or `DELETE`.
    package var method: String
    /// The absolute URL, `scheme://host[:port]/encoded-path[?encoded-query]`.
    package var url: String
    /// The headers, in order, names as given.
    package var headers: [(name: String, value: String)]
    /// The body (empty for none).
    package var body: [UInt8]

    /// Creates a request.
    package init(method: String, url: String, headers: [(name: String, value: String)] = [], body: [UInt8] = []) {
        self.method = method
        self.url = url
        self.headers = headers
        self.body = body
    }
}
