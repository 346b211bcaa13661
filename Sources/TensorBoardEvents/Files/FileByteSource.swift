// FileByteSource.swift: a file as a byte source, read with positional reads.

/// An open file read at any offset (`pread`), so that a record reader can read it as it grows.
///
/// The descriptor is closed when the last reference goes away.
package final class FileByteSource: ByteSource {
    /// The file's path.
    package let path: String
    private let descriptor: Int32

    /// Opens `path` for reading.
    /// - Parameter path: The file.
    /// - Throws: ``ByteSourceError`` with the `errno` of the failed `open`.
    package init(path: String) throws(ByteSourceError) {
        switch SystemCalls.openFile(path, flags: SystemCalls.readOnlyFlags) {
        case .success(let descriptor): self.descriptor = descriptor
        case .failure(let error): throw ByteSourceError(errno: error.code)
        }
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
