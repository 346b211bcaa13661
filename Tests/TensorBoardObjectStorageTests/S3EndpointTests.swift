// S3EndpointTests.swift: endpoint URLs, the Host header they give, and the URLs refused.

import Testing

@testable import TensorBoardObjectStorage

/// ``S3Endpoint`` parsing and its `Host` header (the default port left out, as botocore's `_host_from_url`
/// leaves it out).
struct S3EndpointTests {
    /// Scheme, host and port, and the `Host` header.
    @Test(
        arguments: [
            ("http://localhost:8000", "http", "localhost", 8000, "localhost:8000"),
            ("https://RGW.Example.org", "https", "rgw.example.org", nil, "rgw.example.org"),
            ("HTTPS://rgw.example.org:443/", "https", "rgw.example.org", 443, "rgw.example.org"),
            ("http://rgw:80", "http", "rgw", 80, "rgw"),
            ("http://rgw:443", "http", "rgw", 443, "rgw:443"),
            ("http://[::1]:7480", "http", "[::1]", 7480, "[::1]:7480"),
            ("http://10.0.0.5:9000/", "http", "10.0.0.5", 9000, "10.0.0.5:9000"),
        ] as [(String, String, String, Int?, String)]
    )
    func parsesSchemeHostAndPort(url: String, scheme: String, host: String, port: Int?, hostHeader: String) throws {
        let endpoint = try S3Endpoint(parsing: url, source: "AWS_ENDPOINT_URL_S3")
        #expect(endpoint.scheme == scheme)
        #expect(endpoint.host == host)
        #expect(endpoint.port == port)
        #expect(endpoint.hostHeader == hostHeader)
    }

    /// What is refused, and why.
    @Test(arguments: [
        ("localhost:9000", "an endpoint URL must start with http:// or https:// (as http://localhost:8000)"),
        ("ftp://host", "an endpoint URL must start with http:// or https:// (as http://localhost:8000)"),
        ("http://host/base", "an endpoint URL must be a scheme, a host and a port, without a path, query or fragment"),
        ("http://host?x=1", "an endpoint URL must be a scheme, a host and a port, without a path, query or fragment"),
        ("http://", "an endpoint URL must name a host (letters, digits, '-', '.', or an address)"),
        ("http://ho st", "an endpoint URL must name a host (letters, digits, '-', '.', or an address)"),
        ("http://host:0", "an endpoint's port must be a number from 1 to 65535"),
        ("http://host:65536", "an endpoint's port must be a number from 1 to 65535"),
        ("http://host:8o", "an endpoint's port must be a number from 1 to 65535"),
        ("http://[::1]x", "an endpoint's IPv6 address is malformed"),
    ])
    func refusesWhatIsNotAHostAndPort(url: String, problem: String) {
        let expected = S3ConfigurationError(.invalidEndpoint(url: url, problem: problem), source: "S3_ENDPOINT")
        #expect(throws: expected) { try S3Endpoint(parsing: url, source: "S3_ENDPOINT") }
        #expect(expected.description == "S3_ENDPOINT: \(problem). Received: \(url)")
    }

    /// User information is refused and, since it may be a password, not repeated in the message.
    @Test func refusesUserInformationWithoutQuotingIt() throws {
        let url = "https://key:s3cr3t@rgw.example.org"
        let error = try #require(throws: S3ConfigurationError.self) {
            try S3Endpoint(parsing: url, source: "S3_ENDPOINT")
        }
        #expect(error.description == "S3_ENDPOINT: an endpoint URL must not hold user information")
    }
}
