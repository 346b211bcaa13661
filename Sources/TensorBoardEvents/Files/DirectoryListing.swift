// DirectoryListing.swift: lists a directory's entries with their types, following symbolic links.

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// One entry of a directory, with what it is once symbolic links are followed.
package struct DirectoryEntry: Sendable, Equatable {
    /// What an entry is.
    package enum Kind: Sendable, Equatable {
        case file
        case directory(device: UInt64, inode: UInt64)
        /// Something else once links are followed: a FIFO, a socket or a device.
        case other
        /// An entry that could not be examined (`stat` failed with `errno`): a dangling link, a link loop, a
        /// name too long, or an entry removed since the directory was listed.
        case unexaminable(errno: Int32)
    }

    /// The entry's name.
    package var name: String
    /// What it is.
    package var kind: Kind
    /// Whether the entry itself is a symbolic link (`kind` is what it leads to).
    package var isLink: Bool = false
}

extension SystemCalls {
    /// The identity (device, inode) of a directory, following symbolic links; `nil` when it is not one.
    package static func directoryIdentity(_ path: String) -> Result<(device: UInt64, inode: UInt64), SystemError> {
        var info = stat()
        guard LosslessUTF8.withCString(path, { stat($0, &info) }) == 0 else { return .failure(SystemError(errno)) }
        guard (info.st_mode & S_IFMT) == S_IFDIR else { return .failure(SystemError(ENOTDIR)) }
        return .success((UInt64(info.st_dev), UInt64(info.st_ino)))
    }

    /// Whether `path` is a regular file (following symbolic links).
    package static func isRegularFile(_ path: String) -> Bool {
        var info = stat()
        return LosslessUTF8.withCString(path, { stat($0, &info) }) == 0 && (info.st_mode & S_IFMT) == S_IFREG
    }

    /// The entries of the directory at `path` (without `.` and `..`), each examined with `stat`, so symbolic
    /// links count as what they point to.
    package static func listDirectory(_ path: String) -> Result<[DirectoryEntry], SystemError> {
        guard let directory = LosslessUTF8.withCString(path, { opendir($0) }) else {
            return .failure(SystemError(errno))
        }
        defer { closedir(directory) }
        var entries: [DirectoryEntry] = []
        while let entry = readdir(directory) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                LosslessUTF8.decode(raw.prefix { $0 != 0 })  // every name, even one that is not UTF-8
            }
            if name == "." || name == ".." { continue }
            let entryPath = path + "/" + name
            var info = stat()
            let kind: DirectoryEntry.Kind
            var isLink = entry.pointee.d_type == UInt8(DT_LNK)
            if entry.pointee.d_type == UInt8(DT_UNKNOWN),
                LosslessUTF8.withCString(entryPath, { lstat($0, &info) }) == 0
            {
                isLink = (info.st_mode & S_IFMT) == S_IFLNK
            }
            if LosslessUTF8.withCString(entryPath, { stat($0, &info) }) != 0 {
                kind = .unexaminable(errno: errno)
            } else if (info.st_mode & S_IFMT) == S_IFDIR {
                kind = .directory(device: UInt64(info.st_dev), inode: UInt64(info.st_ino))
            } else if (info.st_mode & S_IFMT) == S_IFREG {
                kind = .file
            } else {
                kind = .other
            }
            entries.append(DirectoryEntry(name: name, kind: kind, isLink: isLink))
        }
        return .success(entries)
    }
}
