// FileSize.swift: the size of a file, for listings.

import TensorBoardEvents

/// File sizes.
enum FileSize {
    /// The size of the file at `path` in bytes, or 0 when it cannot be examined.
    static func of(_ path: String) -> Int64 {
        SystemCalls.fileSize(path) ?? 0
    }
}
