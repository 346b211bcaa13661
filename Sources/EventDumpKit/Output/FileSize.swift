// FileSize.swift: the size of a file, for listings.

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// File sizes.
enum FileSize {
    /// The size of the file at `path` in bytes, or 0 when it cannot be examined.
    static func of(_ path: String) -> Int64 {
        var info = stat()
        return stat(path, &info) == 0 ? Int64(info.st_size) : 0
    }
}
