// ByteSource.swift: where a record reader's bytes come from: a file, memory, or an object read by ranges.

/// Bytes that can be read at any offset: a file, an in-memory buffer, or (later) a remote object read by ranged
/// requests. A source may grow while it is read (a log still being written); ``TFRecordReader`` asks again.
///
/// Reads are positional, so a reader can let go of bytes it has looked at and read them again later; it never
/// needs more than one record in memory.
package protocol ByteSource: Sendable {
    /// Reads up to `buffer.count` bytes starting at `offset` into `buffer`.
    /// - Parameters:
    ///   - buffer: Where the bytes go.
    ///   - offset: The first byte's offset in the source, 0 or more.
    /// - Returns: How many bytes were read: 0 when the source holds nothing at `offset` now; fewer than asked
    ///   at its current end.
    /// - Throws: ``ByteSourceError`` when reading fails.
    func read(into buffer: UnsafeMutableRawBufferPointer, at offset: Int64) throws(ByteSourceError) -> Int

    /// The source's current size in bytes.
    /// - Throws: ``ByteSourceError`` when it cannot be found.
    func size() throws(ByteSourceError) -> Int64
}
