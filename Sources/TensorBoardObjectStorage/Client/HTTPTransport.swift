// HTTPTransport.swift: what the S3 client needs of HTTP: send one request, wait, get the response.

/// Sends HTTP requests synchronously: ``URLSessionTransport`` over the network, or a scripted fake in tests.
///
/// Any response, whatever its status, is returned: interpreting 4xx and 5xx is the client's job. Only the absence
/// of a response throws. Implementations may be called from several threads at once.
package protocol HTTPTransport: Sendable {
    /// Sends `request` and waits for the whole response.
    /// - Throws: ``HTTPTransportError`` when there is no response (connection failure, timeout, invalid URL).
    func send(_ request: HTTPRequest) throws(HTTPTransportError) -> HTTPResponse
}
