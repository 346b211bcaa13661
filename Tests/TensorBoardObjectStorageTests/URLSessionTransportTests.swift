// URLSessionTransportTests.swift: the real transport without a server: a refused connection is a transport error.

import Testing

@testable import TensorBoardObjectStorage

/// ``URLSessionTransport`` where no server listens.
struct URLSessionTransportTests {
    /// Port 1 on the loopback refuses at once: each attempt is a transport error, retried, then reported with
    /// URLError's description and the attempts.
    @Test func refusedConnectionIsRetriedThenReported() throws {
        let configuration = S3Configuration(
            profile: "default",
            credentials: AWSCredentials(accessKeyID: "AKID", secretAccessKey: "secret"),
            region: "us-east-1",
            endpoint: try S3Endpoint(parsing: "http://127.0.0.1:1", source: "test")
        )
        let client = S3Client(
            configuration: configuration,
            transport: URLSessionTransport(requestTimeout: 5, resourceTimeout: 10),
            retryPolicy: RetryPolicy(maximumAttempts: 3, baseDelay: 0.01, maximumDelay: 0.01)
        )
        let location = try S3Location(bucket: "bucket", key: "k")
        do {
            _ = try client.objectSize(location)
            Issue.record("no error")
        } catch {
            guard case .transport(let reason) = error.code else {
                Issue.record("not a transport error: \(error)")
                return
            }
            #expect(!reason.isEmpty)
            #expect(error.attempts == 3)
            #expect(error.isTransient)
            #expect(error.location == "s3://bucket/k")
        }
    }

    /// A string that is not a URL fails without sending.
    @Test func invalidURLIsATransportError() {
        #expect(throws: HTTPTransportError.self) {
            try URLSessionTransport().send(HTTPRequest(method: "GET", url: "not a url"))
        }
    }
}
