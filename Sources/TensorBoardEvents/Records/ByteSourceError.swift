// ByteSourceError.swift: why a byte source could not be read.

/// Why a ``ByteSource`` could not be read.
@usableFromInline
package struct ByteSourceError: Error, Sendable, Equatable {
    /// The `errno` value of the failed system call.
    package var errno: Int32

    /// Wraps an `errno` value.
    /// - Parameter errno: The value.
    package init(errno: Int32) {
        self.errno = errno
    }
}
