// LogdirError.swift: a problem met while walking a log directory.

/// A problem met while walking a log directory.
public struct LogdirError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What went wrong.
    public enum Code: Sendable, Equatable {
        /// The path does not exist or is not a directory.
        case notADirectory(errno: Int32)
        /// A directory could not be listed.
        case unreadableDirectory(errno: Int32)
        /// A symbolic link leads back to a directory above it; it was not followed again.
        case symlinkLoop
        /// A directory already read by the walk, reached again by another path (through a symbolic link); it
        /// was not read again. Not damage: its runs are listed under the first path.
        case alreadyWalked(firstPath: String)
        /// An entry named like an event file could not be examined (a dangling link, say); `errno` says why.
        case unexaminableFile(errno: Int32)
        /// An entry (not named like an event file) that cannot be examined for a reason other than leading
        /// nowhere (a directory listed but not entered, say: `EACCES`); nothing under it is read.
        case unexaminableEntry(errno: Int32)
        /// An entry named like an event file is not a regular file (a FIFO, a socket, a device): it is not
        /// opened, since reading it could block or never end.
        case notARegularFile
        /// Listing an `s3://` log directory failed, after any retries; `reason` is the store's account of it (a
        /// bucket that does not exist, a refused key, no response), and never holds a secret.
        case objectStorage(reason: String)
    }

    /// What went wrong.
    public var code: Code
    /// The path concerned.
    public var path: String

    /// Whether the problem means something could not be read (everything but ``Code/alreadyWalked(firstPath:)``).
    public var isDamage: Bool {
        if case .alreadyWalked = code { return false }
        return true
    }

    /// Creates an error.
    /// - Parameters:
    ///   - code: What went wrong.
    ///   - path: The path concerned.
    public init(_ code: Code, path: String) {
        self.code = code
        self.path = path
    }

    /// `path: reason`.
    public var description: String {
        switch code {
        case .notADirectory(let errno): return "\(path): not a readable directory: \(systemErrorMessage(errno))"
        case .unreadableDirectory(let errno): return "\(path): cannot list directory: \(systemErrorMessage(errno))"
        case .symlinkLoop: return "\(path): symbolic link loop, not followed"
        case .alreadyWalked(let first): return "\(path): the same directory as \(first), read once there"
        case .unexaminableFile(let errno): return "\(path): cannot read event file: \(systemErrorMessage(errno))"
        case .unexaminableEntry(let errno):
            return "\(path): cannot examine: \(systemErrorMessage(errno)); nothing under it is read"
        case .notARegularFile: return "\(path): not a regular file, not read"
        case .objectStorage(let reason): return "\(path): cannot list: \(reason)"
        }
    }
}
