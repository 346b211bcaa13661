// SystemError.swift: an errno value.

/// An `errno` value.
package struct SystemError: Error, Equatable, Sendable {
    /// The value.
    package var code: Int32
    /// Wraps `code`.
    package init(_ code: Int32) { self.code = code }
}
