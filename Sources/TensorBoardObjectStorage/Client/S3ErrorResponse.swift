// S3ErrorResponse.swift: the code and message of S3's XML error body.

/// What an S3 error body says: `<Error><Code>NoSuchKey</Code><Message>…</Message>…</Error>`.
///
/// A body that is empty, not XML, or XML without an `Error` root (a proxy's HTML page, a HEAD response) gives an
/// empty code and message: the status alone must then tell what happened. Other elements (`RequestId`, and
/// `StringToSign` or `CanonicalRequest` of a signature mismatch) are not kept.
package struct S3ErrorResponse: Sendable, Equatable {
    /// S3's error code, such as `NoSuchBucket`, or empty.
    package var code: String
    /// S3's message, or empty.
    package var message: String

    /// Creates an error response.
    package init(code: String, message: String) {
        self.code = code
        self.message = message
    }

    /// Reads `body`, falling back to an empty code and message as described above.
    package init(parsing body: [UInt8]) {
        guard !body.isEmpty, let root = try? XMLScanner.parse(body), root.name == "Error" else {
            self.init(code: "", message: "")
            return
        }
        self.init(
            code: root.child("Code")?.text ?? "",
            message: String((root.child("Message")?.text ?? "").prefix(500))
        )
    }
}
