// EventFileError.swift: what went wrong with an event file, where.

/// A problem with one event file: what it is, the file, and the byte offset of the record concerned.
///
/// Corruption errors are reported after the reader has already moved past the damage: `skippedBytes` says how
/// many bytes it passed over to reach the next record whose checksums validate (or the end of what the file
/// holds so far), and reading can simply go on. I/O errors carry the `errno` value.
public struct EventFileError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What a path names when it is not a regular file (nor a directory).
    public enum FileType: Sendable, Equatable, CustomStringConvertible {
        /// A FIFO (named pipe).
        case fifo
        /// A character device, such as a terminal.
        case characterDevice
        /// A block device, such as a disk.
        case blockDevice
        /// A Unix-domain socket.
        case socket
        /// Some other kind of file.
        case other

        /// The type in words, with its article: `a FIFO (named pipe)`.
        public var description: String {
            switch self {
            case .fifo: return "a FIFO (named pipe)"
            case .characterDevice: return "a character device"
            case .blockDevice: return "a block device"
            case .socket: return "a socket"
            case .other: return "not a regular file"
            }
        }
    }

    /// What went wrong.
    public enum Code: Sendable, Equatable {
        /// The file could not be opened or created.
        case openFailed(errno: Int32)
        /// The path can name no file: it is empty, or holds a NUL byte (at which a system call would silently
        /// cut it, and so use another file).
        case invalidPath
        /// The path names a FIFO, a device or a socket, which is not read: reading one can wait for ever for a
        /// writer, or never end.
        case notRegularFile(FileType)
        /// Reading failed.
        case readFailed(errno: Int32)
        /// Writing failed (for example `ENOSPC` when the disk is full).
        case writeFailed(errno: Int32)
        /// `fsync` failed.
        case syncFailed(errno: Int32)
        /// The file was deleted (or its directory removed) while a writer had it open, so what is written to
        /// it can no longer be read by anyone.
        case fileRemoved
        /// The writer was already closed.
        case closed
        /// A record header's length checksum does not match: the length cannot be trusted. `got` is the
        /// checksum of the length bytes, `want` the one stored.
        case lengthChecksumMismatch(got: UInt32, want: UInt32)
        /// A record's payload checksum does not match (`got` computed, `want` stored); the record was skipped.
        case payloadChecksumMismatch(got: UInt32, want: UInt32)
        /// A record claims more bytes than the reader accepts.
        case recordTooLarge(length: UInt64, maximum: UInt64)
        /// A writer refused a record whose payload is longer than readers accept by default, since nothing could
        /// read it back; nothing of it was written, and the records before it are intact.
        case recordTooLargeToWrite(length: UInt64, maximum: UInt64)
        /// A record's intact length runs past the end of the file, but a valid record starts inside it.
        case lengthPastEnd(length: UInt64)
        /// A writer refused a step outside `Int64`, the type of an event's step field (a `UInt64` above
        /// `Int64.max`, say), rather than trapping or writing another step; nothing was written. The step is
        /// given as decimal text, since its own type is not known here.
        case stepOutOfRange(step: String)
        /// A writer refused a summary its arguments cannot describe (labels and predictions of different
        /// lengths, a sample rate of 0, ...), rather than trapping or writing something TensorBoard would
        /// misread; nothing was written. The reason says which argument.
        case invalidSummary(reason: String)
        /// A record's checksums match but its payload is not a valid `Event`.
        case invalidEvent(WireDecodingError)
        /// A request to object storage (an `s3://` path) failed, after any retries; `reason` is the store's
        /// account of it (the status and the server's code, or why no response came), and never holds a secret.
        case objectStorage(reason: String)
    }

    /// What went wrong.
    public var code: Code
    /// The file's path.
    public var path: String
    /// The byte offset of the record concerned (or of the write that failed), when there is one.
    public var offset: Int64?
    /// For corruption: bytes passed over, from `offset`, to resynchronise on the next good record.
    public var skippedBytes: Int64

    /// Creates an error.
    /// - Parameters:
    ///   - code: What went wrong.
    ///   - path: The file's path.
    ///   - offset: The byte offset concerned.
    ///   - skippedBytes: Bytes passed over to resynchronise.
    public init(_ code: Code, path: String, offset: Int64? = nil, skippedBytes: Int64 = 0) {
        self.code = code
        self.path = path
        self.offset = offset
        self.skippedBytes = skippedBytes
    }

    /// The error a record reader's `error` becomes for the file at `path`.
    /// - Parameters:
    ///   - error: What the record reader found.
    ///   - path: The file's path.
    @usableFromInline
    package init(_ error: TFRecordError, path: String) {
        let code: Code
        switch error {
        case .lengthChecksumMismatch(_, let got, let want, _): code = .lengthChecksumMismatch(got: got, want: want)
        case .lengthTooLarge(_, let length, let limit, _): code = .recordTooLarge(length: length, maximum: limit)
        case .lengthPastEnd(_, let length, _): code = .lengthPastEnd(length: length)
        case .payloadChecksumMismatch(_, _, let got, let want): code = .payloadChecksumMismatch(got: got, want: want)
        case .readFailed(_, let cause):
            code = cause.objectStorageReason.map { .objectStorage(reason: $0) } ?? .readFailed(errno: cause.errno)
        }
        self.init(code, path: path, offset: error.offset, skippedBytes: error.skippedBytes)
    }

    /// Whether this reports damaged data (as opposed to an I/O failure).
    public var isCorruption: Bool {
        switch code {
        case .lengthChecksumMismatch, .payloadChecksumMismatch, .recordTooLarge, .lengthPastEnd, .invalidEvent:
            return true
        default: return false
        }
    }

    /// The problem, without the path and offset.
    public var reason: String {
        switch code {
        case .openFailed(let errno): return "cannot open: \(systemErrorMessage(errno))"
        case .invalidPath: return path.isEmpty ? "the path is empty" : "the path contains a NUL byte"
        case .notRegularFile(let type): return "not read: it is \(type), not a regular file"
        case .readFailed(let errno): return "read failed: \(systemErrorMessage(errno))"
        case .writeFailed(let errno): return "write failed: \(systemErrorMessage(errno))"
        case .syncFailed(let errno): return "fsync failed: \(systemErrorMessage(errno))"
        case .fileRemoved: return "the file was removed while it was being written"
        case .closed: return "the writer is closed"
        case .lengthChecksumMismatch(let got, let want):
            return "length checksum mismatch (got 0x\(hex(got)), want 0x\(hex(want)))"
        case .payloadChecksumMismatch(let got, let want):
            return "payload checksum mismatch (got 0x\(hex(got)), want 0x\(hex(want)))"
        case .recordTooLarge(let length, let maximum):
            return "record length \(length) is larger than the maximum \(maximum)"
        case .recordTooLargeToWrite(let length, let maximum):
            return "record not written: its \(length) bytes are more than readers accept (at most \(maximum) bytes)"
        case .lengthPastEnd(let length):
            return "record length \(length) runs past the end of the file, but a valid record follows"
        case .invalidEvent(let error): return "record is not a valid Event: \(error)"
        case .stepOutOfRange(let step):
            return "step \(step) not written: an event's step must fit in a 64-bit signed integer"
        case .invalidSummary(let reason): return "summary not written: \(reason)"
        case .objectStorage(let reason): return "object storage: \(reason)"
        }
    }

    /// `path: offset N: reason; skipped K bytes` (`(empty path)` for an empty path).
    public var description: String {
        var text = path.isEmpty ? "(empty path)" : path
        if let offset { text += ": offset \(offset)" }
        text += ": " + reason
        if skippedBytes > 0 { text += "; skipped \(skippedBytes) bytes to resynchronise" }
        return text
    }
}

private func hex(_ value: UInt32) -> String {
    let digits = String(value, radix: 16)
    return String(repeating: "0", count: max(0, 8 - digits.count)) + digits
}
