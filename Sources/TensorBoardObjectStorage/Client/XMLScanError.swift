// XMLScanError.swift: why a response body is not the XML the scanner reads.

/// A body that is not well-formed XML as ``XMLScanner`` reads it; `reason` says what was found where
/// (as a byte offset), without quoting the body.
package struct XMLScanError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What is wrong, such as `unterminated tag at byte 40`.
    package var reason: String

    /// Creates an error.
    package init(_ reason: String) {
        self.reason = reason
    }

    /// The reason.
    package var description: String { reason }
}
