// FileChecks.swift: what is checked around opening a path: that it can name a file, and what was opened.

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

extension SystemCalls {
    /// Flags that open a file for reading without waiting: opening a FIFO for reading otherwise blocks until a
    /// writer opens it. (On a regular file or directory the flag changes nothing.)
    package static let readOnlyNonBlockingFlags = O_RDONLY | O_NONBLOCK

    /// Whether `path` can name a file at all: it is not empty and holds no NUL byte. A Swift string passed to a
    /// system call is cut at its first NUL, so such a path would silently name another file.
    package static func canNameFile(_ path: String) -> Bool {
        !path.isEmpty && !path.utf8.contains(0)
    }

    /// What the open file is when it is neither a regular file nor a directory, or `nil` when it is one of those
    /// two (which can be read without blocking: a directory's read fails at once with `EISDIR`).
    package static func specialFileType(_ descriptor: Int32) -> Result<EventFileError.FileType?, SystemError> {
        var info = stat()
        guard fstat(descriptor, &info) == 0 else { return .failure(SystemError(errno)) }
        switch info.st_mode & S_IFMT {
        case S_IFREG, S_IFDIR: return .success(nil)
        case S_IFIFO: return .success(.fifo)
        case S_IFCHR: return .success(.characterDevice)
        case S_IFBLK: return .success(.blockDevice)
        case S_IFSOCK: return .success(.socket)
        default: return .success(.other)
        }
    }
}
