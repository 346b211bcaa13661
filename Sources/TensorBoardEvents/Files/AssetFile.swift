// AssetFile.swift: a plugin's file beside a run's event files, written whole.

import TensorBoardObjectStorage

/// Writes the files a TensorBoard plugin reads beside a run's event files (the projector's TSV files, sprite
/// and config), with the package's system calls, so that every failure is an ``EventFileError`` naming the file.
///
/// A file is never replaced: ``create(_:bytes:)`` fails when the name is taken, and ``append(_:bytes:)`` adds
/// to the end in one `write` on a descriptor opened with `O_APPEND`, so that blocks appended by several
/// writers at once (threads or processes) never interleave on a local file system.
///
/// An `s3://` path is an object: ``create(_:bytes:)`` fails when it exists, and ``append(_:bytes:)`` reads the
/// object and writes it again with `bytes` at its end, since S3 cannot append; two writers appending to one
/// object at once may lose one's block there (the projector's config is written by one run's writer).
package enum AssetFile {
    /// Creates `path` holding `bytes`.
    /// - Throws: ``EventFileError`` naming `path`: `.openFailed` with `EEXIST` when anything has that name
    ///   (nothing is replaced), another `errno` when the file cannot be created, `.writeFailed` or, when closing
    ///   reports a late failure, `.writeFailed` too.
    package static func create(_ path: String, bytes: [UInt8]) throws(EventFileError) {
        guard ObjectStoragePath.isObjectStorage(path) else {
            return try write(bytes, to: path, flags: SystemCalls.createExclusiveFlags)
        }
        try withObject(path) { (location, store) throws(ObjectStoreError) in
            guard try store.objectSize(location) == nil else { return false }
            try store.writeObject(location, bytes: bytes)
            return true
        }
    }

    /// Appends `bytes` to `path` in one `write` call, creating the file when it does not exist.
    /// - Throws: ``EventFileError`` naming `path`: `.openFailed` or `.writeFailed` with the `errno`.
    package static func append(_ path: String, bytes: [UInt8]) throws(EventFileError) {
        guard ObjectStoragePath.isObjectStorage(path) else {
            return try write(bytes, to: path, flags: SystemCalls.appendCreatingFlags)
        }
        try withObject(path) { (location, store) throws(ObjectStoreError) in
            let size = try store.objectSize(location) ?? 0
            let old = size > 0 ? try store.readObject(location, range: 0..<size) : []
            try store.writeObject(location, bytes: old + bytes)
            return true
        }
    }

    /// Runs `body` on the object `path` names and its store; `body` returns `false` when the object exists and
    /// must not be replaced (then `.openFailed` with `EEXIST`, as for a local file).
    private static func withObject(
        _ path: String,
        _ body: (S3Location, any ObjectStore) throws(ObjectStoreError) -> Bool
    ) throws(EventFileError) {
        let written: Bool
        do { written = try ObjectStoragePath.using(path, body) } catch {
            throw EventFileError(.objectStorage(reason: error.reason), path: path)
        }
        if !written { throw EventFileError(.openFailed(errno: SystemCalls.fileExists), path: path) }
    }

    private static func write(_ bytes: [UInt8], to path: String, flags: Int32) throws(EventFileError) {
        let descriptor: Int32
        switch SystemCalls.openFile(path, flags: flags) {
        case .success(let opened): descriptor = opened
        case .failure(let error): throw EventFileError(.openFailed(errno: error.code), path: path)
        }
        let failure = bytes.withUnsafeBytes { buffer -> SystemError? in
            guard let base = buffer.baseAddress else { return nil }
            return SystemCalls.writeAll(descriptor, from: base, count: buffer.count).error
        }
        // A file system that reports a full disk only at `close` (NFS) does not pass for success.
        let closeFailure = SystemCalls.closeFile(descriptor)
        if let failure = failure ?? closeFailure {
            throw EventFileError(.writeFailed(errno: failure.code), path: path)
        }
    }
}
