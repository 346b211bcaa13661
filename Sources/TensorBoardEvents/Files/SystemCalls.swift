// SystemCalls.swift: the few POSIX calls the file layer makes, with errno captured and EINTR retried.

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The text `strerror` gives for `code`, with its symbolic value.
package func systemErrorMessage(_ code: Int32) -> String {
    guard let text = strerror(code) else { return "errno \(code)" }
    return String(cString: text) + " (errno \(code))"
}

/// Thin wrappers over POSIX file calls that retry on `EINTR` and return the `errno` on failure.
package enum SystemCalls {
    /// The last `errno`.
    package static var lastError: Int32 { errno }

    /// `errno` for a file that already exists.
    package static let fileExists = EEXIST
    /// `errno` for a path that leads nowhere (a dangling link).
    package static let noSuchFile = ENOENT
    /// `errno` for an input/output error, also given for a failed object-storage request.
    package static let inputOutputError = EIO

    /// Flags that create a new file for writing and fail when it exists.
    package static let createExclusiveFlags = O_WRONLY | O_CREAT | O_EXCL
    /// Flags that open an existing file for appending.
    package static let appendFlags = O_WRONLY | O_APPEND
    /// Flags that open a file for appending, creating it when it does not exist.
    package static let appendCreatingFlags = O_WRONLY | O_CREAT | O_APPEND
    /// Flags that open a file for reading.
    package static let readOnlyFlags = O_RDONLY

    /// Moves the file offset to `offset` from the start.
    package static func seek(_ descriptor: Int32, to offset: Int64) {
        _ = lseek(descriptor, off_t(offset), SEEK_SET)
    }

    /// Opens `path` and returns the descriptor, or the `errno` on failure (`EINVAL` for a path holding a NUL
    /// byte, which the call would otherwise cut short and so open another file).
    package static func openFile(_ path: String, flags: Int32, mode: mode_t = 0o644) -> Result<Int32, SystemError> {
        guard !path.utf8.contains(0) else { return .failure(SystemError(EINVAL)) }
        while true {
            let descriptor = LosslessUTF8.withCString(path) { open($0, flags | O_CLOEXEC, mode) }
            if descriptor >= 0 { return .success(descriptor) }
            if errno != EINTR { return .failure(SystemError(errno)) }
        }
    }

    /// Reads up to `count` bytes at file offset `offset` into `buffer`; returns the number read (0 at the end).
    package static func readBytes(
        _ descriptor: Int32,
        into buffer: UnsafeMutableRawPointer,
        count: Int,
        at offset: Int64
    ) -> Result<Int, SystemError> {
        while true {
            let result = pread(descriptor, buffer, count, off_t(offset))
            if result >= 0 { return .success(result) }
            if errno != EINTR { return .failure(SystemError(errno)) }
        }
    }

    /// Writes all `count` bytes from `buffer`, in as few calls as the kernel allows (one for a regular file
    /// unless it fails part way). On failure returns the `errno` and how many bytes did reach the file.
    package static func writeAll(
        _ descriptor: Int32,
        from buffer: UnsafeRawPointer,
        count: Int
    ) -> (written: Int, error: SystemError?) {
        var written = 0
        while written < count {
            let result = write(descriptor, buffer + written, count - written)
            if result > 0 {
                written += result
            } else if result == 0 {
                return (written, SystemError(EIO))
            } else if errno != EINTR {
                return (written, SystemError(errno))
            }
        }
        return (written, nil)
    }

    /// The size of the open file, and its link count (0 once the file has been deleted).
    package static func status(_ descriptor: Int32) -> Result<(size: Int64, linkCount: Int), SystemError> {
        var info = stat()
        guard fstat(descriptor, &info) == 0 else { return .failure(SystemError(errno)) }
        return .success((Int64(info.st_size), Int(info.st_nlink)))
    }

    /// The size of the file at `path` (following symbolic links), or `nil` when it cannot be found.
    package static func fileSize(_ path: String) -> Int64? {
        try? fileStatus(atPath: path).get().size
    }

    /// Flushes the file's data to the device.
    package static func sync(_ descriptor: Int32) -> SystemError? {
        while true {
            if fsync(descriptor) == 0 { return nil }
            if errno != EINTR { return SystemError(errno) }
        }
    }

    /// Shortens the file to `length` bytes.
    package static func truncate(_ descriptor: Int32, to length: Int64) -> SystemError? {
        ftruncate(descriptor, off_t(length)) == 0 ? nil : SystemError(errno)
    }

    /// Closes the descriptor.
    package static func closeFile(_ descriptor: Int32) -> SystemError? {
        close(descriptor) == 0 ? nil : SystemError(errno)
    }

    /// Creates `path` and its missing parents, like `mkdir -p` (`EINVAL` for a path holding a NUL byte).
    package static func makeDirectories(_ path: String) -> SystemError? {
        guard !path.utf8.contains(0) else { return SystemError(EINVAL) }
        var prefix = path.hasPrefix("/") ? "/" : ""
        for component in path.split(separator: "/", omittingEmptySubsequences: true) {
            prefix += component
            if LosslessUTF8.withCString(prefix, { mkdir($0, 0o755) }) != 0 && errno != EEXIST {
                return SystemError(errno)
            }
            prefix += "/"
        }
        var info = stat()
        guard LosslessUTF8.withCString(path, { stat($0, &info) }) == 0 else { return SystemError(errno) }
        guard (info.st_mode & S_IFMT) == S_IFDIR else { return SystemError(ENOTDIR) }
        return nil
    }

    /// This machine's host name.
    package static func hostName() -> String {
        var buffer = [CChar](repeating: 0, count: 256)
        guard gethostname(&buffer, buffer.count - 1) == 0 else { return "localhost" }
        return String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    /// This process's id.
    package static func processID() -> Int32 { getpid() }

    /// Seconds since the Unix epoch, with a fraction (the real-time clock).
    package static func currentTime() -> Double {
        var now = timespec()
        clock_gettime(CLOCK_REALTIME, &now)
        return Double(now.tv_sec) + Double(now.tv_nsec) * 1e-9
    }
}
