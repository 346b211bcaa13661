// HTTPResponse.swift: one HTTP response as a transport hands it back: status, headers, body.

/// An HTTP response: its status, its headers (looked up without regard to case, as HTTP field names compare)
/// and its whole body.
package struct HTTPResponse: Sendable {
    /// The status code, such as 200 or 404.
    package var status: Int
    /// The headers, in the order received.
    package var headers: [(name: String, value: String)]
    /// The body (empty for none, and always for a `HEAD`).
    package var body: [UInt8]

    /// Creates a response.
    package init(status: Int, headers: [(name: String, value: String)] = [], body: [UInt8] = []) {
        self.status = status
        self.headers = headers
        self.body = body
    }

    /// The value of the first header called `name`, compared ASCII case-insensitively; `nil` when absent.
    package func header(_ name: String) -> String? {
        let wanted = Self.lowercased(name)
        return headers.first { Self.lowercased($0.name) == wanted }?.value
    }

    /// `text` with ASCII capitals lowered (field names are ASCII; no locale is involved).
    private static func lowercased(_ text: String) -> String {
        String(decoding: text.utf8.map { (65...90).contains($0) ? $0 + 32 : $0 }, as: UTF8.self)
    }
}
