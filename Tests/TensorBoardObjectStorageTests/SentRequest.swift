// SentRequest.swift: a request boto3 made, taken apart for the signer (URL by Foundation's URLComponents).

import Foundation

@testable import TensorBoardObjectStorage

/// A request recorded from boto3: its URL's parts (decoded by Foundation) and its signed headers, as a
/// ``SignableRequest``, with the `Authorization` boto3 computed.
struct SentRequest {
    /// `http` or `https`.
    let scheme: String
    /// The host as a `Host` header carries it: with the port unless it is the scheme's default.
    let host: String
    /// The decoded path.
    let path: String
    /// The path as sent.
    let encodedPath: String
    /// The request, for our signer.
    let request: SignableRequest
    /// boto3's `Authorization`.
    let authorization: String

    /// Takes `outcome`'s request apart; `nil` when it has none.
    init?(_ outcome: Boto3ConfigurationCase.Outcome) {
        guard let url = outcome.url, let method = outcome.method, let headers = outcome.headers,
            let components = URLComponents(string: url), let scheme = components.scheme,
            let host = components.host, let authorization = headers["Authorization"],
            let payloadHash = headers["X-Amz-Content-SHA256"]
        else { return nil }
        let defaultPort = scheme == "https" ? 443 : 80
        // An IPv6 address in brackets, whether or not URLComponents keeps them.
        let hostName = host.contains(":") && !host.hasPrefix("[") ? "[\(host)]" : host
        self.scheme = scheme
        self.host = components.port.map { $0 == defaultPort ? hostName : "\(hostName):\($0)" } ?? hostName
        path = components.path
        encodedPath = components.percentEncodedPath
        self.authorization = authorization
        let added: Set = ["authorization", "x-amz-date", "x-amz-content-sha256", "x-amz-security-token"]
        request = SignableRequest(
            method: method,
            host: self.host,
            path: components.path,
            query: (components.queryItems ?? []).map { ($0.name, $0.value ?? "") },
            headers: headers.filter { !added.contains($0.key.lowercased()) }.map { ($0.key, $0.value) },
            payloadHash: payloadHash == "UNSIGNED-PAYLOAD" ? .unsigned : .sha256(hex: payloadHash)
        )
    }
}
