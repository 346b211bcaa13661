// FileByteSource.swift: a file as a byte source, read with positional reads.

/// An open file read at any offset (`pread`), so that a record reader can read it as it grows.
///
/// The descriptor is closed when the last reference goes away.
package final class FileByteSource: ByteSource {
    /// The file's path.
    package let path: String
    let descriptor: Int32

    /// Opens `path` for reading, refusing what could block or never end.
    ///
    /// The file is opened with `O_NONBLOCK`, so that opening a FIFO returns at once, and the type of what was
    /// opened is checked on the descriptor (`fstat`), so that nothing can swap the path in between. A FIFO, a
    /// device or a socket is closed again and refused; a regular file or a directory (whose reads fail with
    /// `EISDIR`) is kept.
    /// - Parameter path: The file.
    /// - Throws: ``EventFileError`` `.invalidPath` (empty, or with a NUL byte), `.openFailed` with the `errno` of
    ///   the failed `open`, or `.notRegularFile`.
    package init(path: String) throws(EventFileError) {
        guard SystemCalls.canNameFile(path) else { throw EventFileError(.invalidPath, path: path) }
        let descriptor: Int32
        switch SystemCalls.openFile(path, flags: SystemCalls.readOnlyNonBlockingFlags) {
        case .success(let opened): descriptor = opened
        case .failure(let error): throw EventFileError(.openFailed(errno: error.code), path: path)
        }
        switch SystemCalls.specialFileType(descriptor) {
        case .success(nil): break
        case .success(let type?):
            _ = SystemCalls.closeFile(descriptor)
            throw EventFileError(.notRegularFile(type), path: path)
        case .failure(let error):
            _ = SystemCalls.closeFile(descriptor)
            throw EventFileError(.openFailed(errno: error.code), path: path)
        }
        self.descriptor = descriptor
        self.path = path
    }

    deinit {
        _ = SystemCalls.closeFile(descriptor)
    }

    package func read(into buffer: UnsafeMutableRawBufferPointer, at offset: Int64) throws(ByteSourceError) -> Int {
        guard let base = buffer.baseAddress, !buffer.isEmpty else { return 0 }
        switch SystemCalls.readBytes(descriptor, into: base, count: buffer.count, at: offset) {
        case .success(let count): return count
        case .failure(let error): throw ByteSourceError(errno: error.code)
        }
    }

    package func size() throws(ByteSourceError) -> Int64 {
        switch SystemCalls.status(descriptor) {
        case .success(let status): return status.size
        case .failure(let error): throw ByteSourceError(errno: error.code)
        }
    }
}
