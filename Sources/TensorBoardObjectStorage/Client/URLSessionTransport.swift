// URLSessionTransport.swift: the HTTP transport over Foundation's URLSession, made synchronous.

import Dispatch
import Foundation
import Synchronization

#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// Sends requests with one `URLSession` and blocks the calling thread until the response (or failure) arrives.
///
/// The session is ephemeral and keeps nothing between requests that could change one: no URL cache, no cookies, no
/// stored credentials. HTTPS uses the system's default certificate checks. ``requestTimeout`` bounds the wait for
/// data (a stalled connection); ``resourceTimeout`` bounds a whole request, so a call always returns. URLSession
/// calls its completion handlers on its own queue, never on the waiting thread, so the wait cannot deadlock.
///
/// Redirects are not followed: a request is signed for one host and path, so following one would at best be
/// refused; S3's 301 or 307 comes back as a response for the client to report.
package final class URLSessionTransport: HTTPTransport, @unchecked Sendable {
    // @unchecked: the only stored properties are lets; URLSession is thread-safe (its API may be called from any
    // thread), but swift-corelibs-foundation does not mark it Sendable on every version.

    /// The transport the shared S3 client uses, one for the process so its connections are reused.
    package static let shared = URLSessionTransport()

    /// The longest wait for the next bytes of a response, in seconds.
    package let requestTimeout: Double
    /// The longest a whole request may take, in seconds (large enough for objects of hundreds of megabytes).
    package let resourceTimeout: Double
    private let session: URLSession

    /// A transport with its own session.
    /// - Parameters:
    ///   - requestTimeout: Seconds without data after which a request fails (60 by default, as the AWS SDKs').
    ///   - resourceTimeout: Seconds after which any request fails (600 by default).
    package init(requestTimeout: Double = 60, resourceTimeout: Double = 600) {
        self.requestTimeout = requestTimeout
        self.resourceTimeout = resourceTimeout
        let configuration = URLSessionConfiguration.ephemeral
        configuration.requestCachePolicy = .reloadIgnoringLocalCacheData
        configuration.urlCache = nil
        configuration.httpCookieStorage = nil
        configuration.httpShouldSetCookies = false
        configuration.urlCredentialStorage = nil
        configuration.timeoutIntervalForRequest = requestTimeout
        configuration.timeoutIntervalForResource = resourceTimeout
        session = URLSession(configuration: configuration, delegate: NoRedirects(), delegateQueue: nil)
    }

    deinit {
        session.invalidateAndCancel()
    }

    /// Sends `request` with the headers as given (URLSession adds `Host`, `Content-Length` and its own
    /// `Accept-Encoding`, none of them signed) and blocks until the response or a failure.
    /// - Throws: ``HTTPTransportError`` with URLError's description for no response, or for an invalid URL.
    package func send(_ request: HTTPRequest) throws(HTTPTransportError) -> HTTPResponse {
        guard let url = URL(string: request.url) else {
            throw HTTPTransportError(reason: "not a URL: \(request.url)")
        }
        var urlRequest = URLRequest(
            url: url,
            cachePolicy: .reloadIgnoringLocalCacheData,
            timeoutInterval: requestTimeout
        )
        urlRequest.httpMethod = request.method
        for (name, value) in request.headers { urlRequest.setValue(value, forHTTPHeaderField: name) }
        if !request.body.isEmpty || request.method == "PUT" { urlRequest.httpBody = Data(request.body) }

        let outcome = Outcome()
        let task = session.dataTask(with: urlRequest) { data, response, error in
            outcome.finish(data: data, response: response, error: error)
        }
        task.resume()
        outcome.done.wait()
        return try outcome.result()
    }

    /// Refuses every redirect, so the 3xx response itself completes the task.
    private final class NoRedirects: NSObject, URLSessionTaskDelegate, Sendable {
        /// Answers `nil`: do not follow.
        func urlSession(
            _ session: URLSession,
            task: URLSessionTask,
            willPerformHTTPRedirection response: HTTPURLResponse,
            newRequest request: URLRequest,
            completionHandler: @escaping @Sendable (URLRequest?) -> Void
        ) {
            completionHandler(nil)
        }
    }

    /// What a data task's completion handler delivered, handed from URLSession's queue to the waiting thread.
    private final class Outcome: Sendable {
        /// Signalled once, when the completion handler has stored the result.
        let done = DispatchSemaphore(value: 0)
        private let stored = Mutex<Result<HTTPResponse, HTTPTransportError>?>(nil)

        /// Stores the completion handler's arguments as a result and wakes the waiter.
        func finish(data: Data?, response: URLResponse?, error: (any Error)?) {
            let result: Result<HTTPResponse, HTTPTransportError>
            if let error {
                result = .failure(HTTPTransportError(reason: Self.describe(error)))
            } else if let http = response as? HTTPURLResponse {
                var headers: [(name: String, value: String)] = []
                for (name, value) in http.allHeaderFields {
                    headers.append((name: "\(name)", value: "\(value)"))
                }
                result = .success(HTTPResponse(status: http.statusCode, headers: headers, body: Array(data ?? Data())))
            } else {
                result = .failure(HTTPTransportError(reason: "the response is not an HTTP response"))
            }
            stored.withLock { $0 = result }
            done.signal()
        }

        /// The stored result (a failure if, impossibly, none was stored).
        func result() throws(HTTPTransportError) -> HTTPResponse {
            let result = stored.withLock { $0 }
            switch result {
            case .success(let response): return response
            case .failure(let error): throw error
            case nil: throw HTTPTransportError(reason: "the request finished without a result")
            }
        }

        /// URLError's description with its code, such as `Could not connect to the server. (URLError -1004)`.
        private static func describe(_ error: any Error) -> String {
            if let urlError = error as? URLError {
                return "\(urlError.localizedDescription) (URLError \(urlError.code.rawValue))"
            }
            return "\(error)"
        }
    }
}
