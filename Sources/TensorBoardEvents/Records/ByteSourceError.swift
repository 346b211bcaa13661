// ByteSourceError.swift: why a byte source could not be read.

/// Why a ``ByteSource`` could not be read: a failed system call, or a failed request to object storage.
@usableFromInline
package struct ByteSourceError: Error, Sendable, Equatable {
    /// The `errno` value of the failed system call (`EIO` for a failed object-storage request).
    package var errno: Int32
    /// For a source in object storage: why the request failed, without the location (which the caller names).
    package var objectStorageReason: String?

    /// Wraps an `errno` value.
    /// - Parameter errno: The value.
    package init(errno: Int32) {
        self.errno = errno
        self.objectStorageReason = nil
    }

    /// A failed object-storage request.
    /// - Parameter objectStorageReason: Why it failed.
    package init(objectStorageReason: String) {
        self.errno = SystemCalls.inputOutputError
        self.objectStorageReason = objectStorageReason
    }
}
