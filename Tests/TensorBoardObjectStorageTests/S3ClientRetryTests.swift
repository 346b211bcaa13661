// S3ClientRetryTests.swift: which failures the S3 client retries, how long it waits, and what it signs.

import Synchronization
import Testing

@testable import TensorBoardObjectStorage

/// Retries with full jitter, over a scripted transport and recorded sleeps; and the signed request itself.
struct S3ClientRetryTests {
    /// Two 503 SlowDown, then success: three requests, and two sleeps within the full-jitter bounds 0.1 and 0.2.
    @Test(arguments: [0.0, 0.5, 1.0])
    func retriesSlowDownThenSucceeds(fraction: Double) throws {
        let transport = ScriptedTransport(responses: [
            S3Fixtures.error(503, "SlowDown"), S3Fixtures.error(503, "SlowDown"), HTTPResponse(status: 200),
        ])
        let sleeps = SleepRecorder()
        try S3Fixtures.client(transport, sleeps: sleeps, fraction: fraction)
            .writeObject(try S3Fixtures.location("k"), bytes: [1, 2, 3])
        #expect(transport.requests.count == 3)
        #expect(sleeps.sleeps == [0.1 * fraction, 0.2 * fraction])
    }

    /// Five 503s: the error after five attempts is the last response's, with four sleeps in between.
    @Test func givesUpAfterMaximumAttempts() throws {
        let transport = ScriptedTransport(
            responses: Array(repeating: S3Fixtures.error(503, "SlowDown", "slow"), count: 6)
        )
        let sleeps = SleepRecorder()
        let location = try S3Fixtures.location("k")
        let expected = ObjectStoreError(
            .server(status: 503, serverCode: "SlowDown", message: "slow"),
            location: "s3://bucket/k",
            attempts: 5
        )
        #expect(throws: expected) {
            try S3Fixtures.client(transport, sleeps: sleeps, fraction: 1).readObject(location, range: 0..<4)
        }
        #expect(transport.requests.count == 5)
        #expect(sleeps.sleeps == [0.1, 0.2, 0.4, 0.8])
        #expect(expected.description.contains("after 5 attempts"))
    }

    /// What is retried: 5xx and 429 and transport failures; not 4xx.
    @Test(arguments: [(500, true), (502, true), (503, true), (504, true), (429, true), (400, false), (404, false)])
    func retriesOnlyTransientStatuses(status: Int, retried: Bool) throws {
        let transport = ScriptedTransport(responses: [S3Fixtures.error(status, "Code"), HTTPResponse(status: 200)])
        let client = S3Fixtures.client(transport)
        let location = try S3Fixtures.location("k")
        if retried {
            try client.writeObject(location, bytes: [])
        } else {
            #expect(throws: ObjectStoreError.self) { try client.writeObject(location, bytes: []) }
        }
        #expect(transport.requests.count == (retried ? 2 : 1))
    }

    /// A transport failure is retried, and after the last attempt reported with its reason.
    @Test func retriesTransportFailures() throws {
        let refused = HTTPTransportError(reason: "Could not connect to the server.")
        let location = try S3Fixtures.location("k")
        let once = ScriptedTransport([.failure(refused), .success(HTTPResponse(status: 200))])
        try S3Fixtures.client(once).writeObject(location, bytes: [7])
        #expect(once.requests.count == 2)
        let always = ScriptedTransport(Array(repeating: .failure(refused), count: 5))
        #expect(throws: ObjectStoreError(.transport(reason: refused.reason), location: "s3://bucket/k", attempts: 5)) {
            try S3Fixtures.client(always).writeObject(location, bytes: [7])
        }
    }

    /// The policy's bounds double from the base up to the cap, and a random source out of range is clamped.
    @Test func fullJitterBounds() {
        let policy = RetryPolicy(baseDelay: 0.25, maximumDelay: 5, sleep: { _ in }, random: { $0 * 2 })
        #expect((0..<8).map(policy.delayBound(beforeRetry:)) == [0.25, 0.5, 1, 2, 4, 5, 5, 5])
        #expect(policy.delayBound(beforeRetry: 10_000) == 5)
        #expect(policy.delay(beforeRetry: 1) == 0.5)
        let negative = RetryPolicy(sleep: { _ in }, random: { _ in -1 })
        #expect(negative.delay(beforeRetry: 3) == 0)
        #expect(RetryPolicy.standard.maximumAttempts == 6)
    }

    /// The request sent is the one signed: the URL's path is the signature's encoded path (spaces, unicode),
    /// the headers carry the signature's, and a PUT's payload hash is its body's SHA-256.
    @Test(arguments: ["dir/a b/ünï.txt", "plain", "x+y=z&w/%41", "日本/語"])
    func sendsTheSignedRequest(key: String) throws {
        let transport = ScriptedTransport(responses: [HTTPResponse(status: 200)])
        let location = try S3Fixtures.location(key)
        let body = Array("hello".utf8)
        try S3Fixtures.client(transport).writeObject(location, bytes: body)
        let sent = try #require(transport.requests.first)
        let signature = S3Fixtures.configuration.signer.sign(
            SignableRequest(
                method: "PUT",
                host: "127.0.0.1:8000",
                path: "/bucket/" + key,
                payloadHash: PayloadHash.of(body)
            ),
            at: SigningTime(secondsSince1970: 1_440_938_160)
        )
        #expect(sent.url == "http://127.0.0.1:8000" + signature.encodedPath)
        #expect(sent.url == "http://127.0.0.1:8000/bucket/" + URIEncoding.encode(key, keepingSlashes: true))
        #expect(!sent.url.contains(" "))
        let authorization = try #require(sent.headers.first { $0.name == "Authorization" }?.value)
        #expect(authorization == signature.authorization)
        #expect(authorization.hasPrefix("AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/s3/aws4_request"))
        #expect(sent.headers.contains { $0.name == "x-amz-content-sha256" && $0.value == PayloadHash.of(body).value })
        #expect(sent.headers.contains { $0.name == "x-amz-date" && $0.value == "20150830T123600Z" })
        #expect(sent.body == body)
    }

    /// Each attempt is signed at the clock's time then, so a retry is not refused as stale.
    @Test func signsEachAttemptAfresh() throws {
        let transport = ScriptedTransport(responses: [
            S3Fixtures.error(500, "InternalError"), HTTPResponse(status: 200),
        ])
        let ticks = Ticks()
        let client = S3Client(
            configuration: S3Fixtures.configuration,
            transport: transport,
            retryPolicy: RetryPolicy(sleep: { _ in }),
            clock: { SigningTime(secondsSince1970: ticks.next()) }
        )
        try client.deleteObject(try S3Fixtures.location("k"))
        let dates = transport.requests.compactMap { request in request.headers.first { $0.name == "x-amz-date" }?.value
        }
        #expect(dates == ["20150830T123600Z", "20150830T123601Z"])
    }
}

/// A clock that advances a second each time it is read.
private final class Ticks: Sendable {
    private let seconds = Mutex<Int64>(1_440_938_160)

    /// The current second, then one more.
    func next() -> Int64 {
        seconds.withLock { value in
            defer { value += 1 }
            return value
        }
    }
}
