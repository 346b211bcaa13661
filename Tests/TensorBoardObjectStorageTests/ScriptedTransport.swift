// ScriptedTransport.swift: an HTTP transport that records requests and answers with scripted responses.

import Synchronization

@testable import TensorBoardObjectStorage

/// Answers each request with the next scripted outcome (a response or a transport failure) and records the
/// requests; when the script runs out it answers 500, so a test that sends too much fails visibly.
final class ScriptedTransport: HTTPTransport {
    private struct State {
        var script: [Result<HTTPResponse, HTTPTransportError>]
        var requests: [HTTPRequest] = []
    }

    private let state: Mutex<State>

    /// A transport answering with `script`, in order.
    init(_ script: [Result<HTTPResponse, HTTPTransportError>]) {
        state = Mutex(State(script: script))
    }

    /// A transport answering with `responses`, in order.
    convenience init(responses: [HTTPResponse]) {
        self.init(responses.map { .success($0) })
    }

    /// The requests sent so far.
    var requests: [HTTPRequest] { state.withLock { $0.requests } }

    func send(_ request: HTTPRequest) throws(HTTPTransportError) -> HTTPResponse {
        let next = state.withLock { state in
            state.requests.append(request)
            return state.script.isEmpty ? .success(HTTPResponse(status: 500)) : state.script.removeFirst()
        }
        return try next.get()
    }
}

/// Builders of S3 responses and a client over a scripted transport.
enum S3Fixtures {
    /// The access key id of the test configuration.
    static let keyID = "AKIDEXAMPLE"
    /// Its secret, which no error may show.
    static let secret = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY"

    /// A configuration for a custom endpoint (path-style requests to 127.0.0.1:8000).
    static let configuration = S3Configuration(
        profile: "default",
        credentials: AWSCredentials(accessKeyID: keyID, secretAccessKey: secret),
        region: "us-east-1",
        endpoint: try? S3Endpoint(parsing: "http://127.0.0.1:8000", source: "test")
    )

    /// A response with an XML body.
    static func xml(_ status: Int, _ body: String, headers: [(name: String, value: String)] = []) -> HTTPResponse {
        HTTPResponse(status: status, headers: headers, body: Array(body.utf8))
    }

    /// An S3 error response.
    static func error(_ status: Int, _ code: String, _ message: String = "a message") -> HTTPResponse {
        xml(
            status,
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Error><Code>\(code)</Code><Message>\(message)</Message></Error>"
        )
    }

    /// A client over `transport` whose retries sleep into `sleeps` instead of sleeping, with jitter `fraction`
    /// of each bound.
    static func client(
        _ transport: ScriptedTransport,
        sleeps: SleepRecorder = SleepRecorder(),
        fraction: Double = 0.5,
        pageSize: Int = 1000
    ) -> S3Client {
        let policy = RetryPolicy(
            maximumAttempts: 5,
            baseDelay: 0.1,
            maximumDelay: 5,
            sleep: { sleeps.record($0) },
            random: { $0 * fraction }
        )
        return S3Client(
            configuration: configuration,
            transport: transport,
            retryPolicy: policy,
            pageSize: pageSize,
            clock: { SigningTime(secondsSince1970: 1_440_938_160) }
        )
    }

    /// `s3://bucket/key`.
    static func location(_ key: String, bucket: String = "bucket") throws -> S3Location {
        try S3Location(bucket: bucket, key: key)
    }
}

/// The sleeps a retry policy asked for, recorded instead of slept.
final class SleepRecorder: Sendable {
    private let recorded = Mutex<[Double]>([])

    /// The sleeps so far, in seconds.
    var sleeps: [Double] { recorded.withLock { $0 } }

    /// Records a sleep.
    func record(_ seconds: Double) { recorded.withLock { $0.append(seconds) } }
}
