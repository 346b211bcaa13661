// MemoryByteSource.swift: bytes held in memory as a byte source.

/// Bytes held in memory: what the tests and the fuzzers read records from.
package struct MemoryByteSource: ByteSource {
    /// The bytes.
    package var bytes: [UInt8]

    /// A source over `bytes`.
    /// - Parameter bytes: The bytes.
    package init(_ bytes: [UInt8]) {
        self.bytes = bytes
    }

    package func read(into buffer: UnsafeMutableRawBufferPointer, at offset: Int64) throws(ByteSourceError) -> Int {
        guard offset >= 0, offset < Int64(bytes.count), let destination = buffer.baseAddress else { return 0 }
        let count = min(buffer.count, bytes.count - Int(offset))
        bytes.withUnsafeBytes { source in
            if let base = source.baseAddress { destination.copyMemory(from: base + Int(offset), byteCount: count) }
        }
        return count
    }

    package func size() throws(ByteSourceError) -> Int64 { Int64(bytes.count) }
}
