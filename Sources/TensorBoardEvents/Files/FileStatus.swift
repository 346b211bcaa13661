// FileStatus.swift: which file a path or descriptor names, and its size, to tell a file replaced or truncated.

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Which file (device and inode) a path or an open descriptor names, and its size: what a reader that follows a
/// growing file compares between reads to tell growth from a file replaced under the same name (a different
/// inode, as `mv new old` and rsync leave) or truncated (the same inode, shorter than what was read).
package struct FileStatus: Sendable, Equatable {
    /// The device holding the file (`st_dev`).
    package var device: UInt64
    /// The file's inode on that device (`st_ino`).
    package var inode: UInt64
    /// The file's size in bytes (`st_size`).
    package var size: Int64

    /// Creates a status.
    /// - Parameters:
    ///   - device: `st_dev`.
    ///   - inode: `st_ino`.
    ///   - size: `st_size`.
    package init(device: UInt64, inode: UInt64, size: Int64) {
        self.device = device
        self.inode = inode
        self.size = size
    }

    /// Whether `other` is of the same file (the same device and inode), whatever the sizes.
    package func isSameFile(as other: FileStatus) -> Bool {
        device == other.device && inode == other.inode
    }

    fileprivate init(_ info: stat) {
        self.init(device: UInt64(info.st_dev), inode: UInt64(info.st_ino), size: Int64(info.st_size))
    }
}

extension SystemCalls {
    /// The status of the file at `path` (following symbolic links), or the `errno` of the failed `stat`.
    package static func fileStatus(atPath path: String) -> Result<FileStatus, SystemError> {
        var info = stat()
        guard LosslessUTF8.withCString(path, { stat($0, &info) }) == 0 else { return .failure(SystemError(errno)) }
        return .success(FileStatus(info))
    }

    /// The status of the open file `descriptor`, or the `errno` of the failed `fstat`.
    package static func fileStatus(of descriptor: Int32) -> Result<FileStatus, SystemError> {
        var info = stat()
        guard fstat(descriptor, &info) == 0 else { return .failure(SystemError(errno)) }
        return .success(FileStatus(info))
    }
}

/// A byte source that reads an open file (directly, or through a wrapper that watches its reads).
package protocol FileBackedByteSource: ByteSource {
    /// The status of the file this source reads: the one opened, whatever its path names now.
    func fileStatus() -> Result<FileStatus, SystemError>
}

extension FileByteSource: FileBackedByteSource {
    /// The status of the file this source reads: the one opened, whatever its path names now.
    package func fileStatus() -> Result<FileStatus, SystemError> {
        SystemCalls.fileStatus(of: descriptor)
    }
}
