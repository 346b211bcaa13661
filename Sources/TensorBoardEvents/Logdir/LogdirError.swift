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
    }

    /// What went wrong.
    public var code: Code
    /// The path concerned.
    public var path: String

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
        }
    }
}
