// OutputFile.swift: writes a file the user named (a chart), failing with one readable line.

import TensorBoardEvents

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// A file that could not be written: the path and the `errno`, described as one line.
struct OutputFileError: Error, Equatable, CustomStringConvertible {
    /// The path as the user gave it.
    var path: String
    /// What failed.
    var step: Step
    /// The `errno` value.
    var code: Int32

    /// The system call that failed.
    enum Step: String {
        case create = "cannot create"
        /// The file exists and was not to be replaced.
        case exists = "refusing to replace"
        case write = "cannot write"
        case close = "cannot finish writing"
    }

    /// `cannot write 'PATH': No space left on device (errno 28)`: one line once the path is escaped, as the
    /// command line escapes every error it prints.
    var description: String {
        guard step != .exists else { return "\(step.rawValue) '\(path)': it exists (--force replaces it)" }
        return "\(step.rawValue) '\(path)': \(systemErrorMessage(code))"
    }
}

/// Writes whole files with the package's system calls, so that every failure is an ``OutputFileError`` naming
/// the path and the `strerror` reason, never a Foundation error dump.
enum OutputFile {
    /// Flags that create the file or empty an existing one.
    private static let flags = O_WRONLY | O_CREAT | O_TRUNC
    /// Flags that create the file, failing when anything (a symbolic link included) has its name.
    private static let newFileFlags = O_WRONLY | O_CREAT | O_EXCL

    /// Writes `bytes` to `path`, replacing what it held, or, when `replacing` is off, only if nothing has
    /// that name yet.
    ///
    /// The result of `close` is checked too: a file system that only reports a full disk there (NFS) does not
    /// pass for success.
    /// - Throws: ``OutputFileError`` naming the path, the step and the `errno` (step `.exists` when the file
    ///   exists and `replacing` is off).
    static func write(_ bytes: [UInt8], to path: String, replacing: Bool = true) throws(OutputFileError) {
        let descriptor: Int32
        switch SystemCalls.openFile(path, flags: replacing ? flags : newFileFlags) {
        case .success(let opened): descriptor = opened
        case .failure(let error) where error.code == EEXIST && !replacing:
            throw OutputFileError(path: path, step: .exists, code: error.code)
        case .failure(let error): throw OutputFileError(path: path, step: .create, code: error.code)
        }
        let failure = bytes.withUnsafeBytes { buffer -> SystemError? in
            guard let base = buffer.baseAddress else { return nil }
            return SystemCalls.writeAll(descriptor, from: base, count: buffer.count).error
        }
        let closeFailure = SystemCalls.closeFile(descriptor)
        if let failure { throw OutputFileError(path: path, step: .write, code: failure.code) }
        if let closeFailure { throw OutputFileError(path: path, step: .close, code: closeFailure.code) }
    }
}
