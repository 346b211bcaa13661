// S3Endpoint.swift: a custom S3 endpoint (Ceph, MinIO, a gateway), as an endpoint URL gives it.

/// A custom S3 endpoint, such as `http://localhost:8000` for a local Ceph RADOS Gateway: a scheme, a host and a
/// port, as `AWS_ENDPOINT_URL_S3`, `AWS_ENDPOINT_URL`, `S3_ENDPOINT` or a profile's `endpoint_url` give it.
///
/// Only `http` and `https` are accepted, and only a host and a port after them (a trailing `/` is allowed): a
/// path, query, fragment or user information is an error rather than silently dropped. The host is kept
/// lowercased; IPv6 addresses are written in brackets. With `https`, the HTTP layer checks the server's
/// certificate against the host; `http` is what the user asked for and is not upgraded.
package struct S3Endpoint: Sendable, Equatable, CustomStringConvertible {
    /// `http` or `https`.
    package let scheme: String
    /// The host name or address (IPv6 in brackets), lowercased.
    package let host: String
    /// The port, when the URL gives one.
    package let port: Int?

    /// Parses an endpoint URL.
    /// - Parameters:
    ///   - url: The URL, such as `https://rgw.example.org:8443`.
    ///   - source: Where it came from (a variable's name, or `path: key`), for errors.
    /// - Throws: ``S3ConfigurationError`` with ``S3ConfigurationError/Code/invalidEndpoint(url:problem:)``.
    package init(parsing url: String, source: String) throws(S3ConfigurationError) {
        func failure(_ problem: String) -> S3ConfigurationError {
            S3ConfigurationError(.invalidEndpoint(url: url, problem: problem), source: source)
        }
        let lowered = url.lowercased()
        guard let scheme = ["https", "http"].first(where: { lowered.hasPrefix($0 + "://") }) else {
            throw failure("an endpoint URL must start with http:// or https:// (as http://localhost:8000)")
        }
        let rest = url.dropFirst(scheme.count + 3)
        let authority = rest.prefix { $0 != "/" && $0 != "?" && $0 != "#" }
        guard rest.dropFirst(authority.count).isEmpty || rest.dropFirst(authority.count) == "/" else {
            throw failure("an endpoint URL must be a scheme, a host and a port, without a path, query or fragment")
        }
        guard !authority.contains("@") else { throw failure("an endpoint URL must not hold user information") }
        var host = Substring(authority)
        var portText: Substring?
        if host.hasPrefix("["), let close = host.firstIndex(of: "]") {
            let after = host[host.index(after: close)...]
            portText = after.hasPrefix(":") ? after.dropFirst() : nil
            guard after.isEmpty || portText != nil else { throw failure("an endpoint's IPv6 address is malformed") }
            host = host[...close]
        } else if let colon = host.firstIndex(of: ":") {
            portText = host[host.index(after: colon)...]
            host = host[..<colon]
        }
        let allowed = Set("abcdefghijklmnopqrstuvwxyz0123456789-._[]:")
        guard !host.isEmpty, host.lowercased().allSatisfy({ allowed.contains($0) }) else {
            throw failure("an endpoint URL must name a host (letters, digits, '-', '.', or an address)")
        }
        var port: Int?
        if let portText {
            guard let value = Int(portText), (1...65_535).contains(value), portText.allSatisfy(\.isASCII) else {
                throw failure("an endpoint's port must be a number from 1 to 65535")
            }
            port = value
        }
        self.scheme = scheme
        self.host = host.lowercased()
        self.port = port
    }

    /// The `Host` header's value: the host, with `:port` unless it is the scheme's default (80, 443), which
    /// HTTP clients leave out and Signature Version 4 must therefore leave out too.
    package var hostHeader: String {
        guard let port, port != (scheme == "https" ? 443 : 80) else { return host }
        return "\(host):\(port)"
    }

    /// `scheme://host[:port]`.
    package var description: String { "\(scheme)://\(hostHeader)" }
}
