// ObjectByteSource.swift: an object in object storage as a byte source, read in large ranged requests.

import Synchronization
import TensorBoardObjectStorage

/// An object read by ranged requests (`GET` with `Range`), so that a record reader reads it as it reads a
/// file: each request fetches a block of ``blockSize`` bytes, and the reader's smaller reads are served from
/// the last block.
///
/// An object is immutable, but it may be replaced by a longer one with the same prefix (a writer that uploads
/// a whole file again at each flush, as TensorFlow's S3 file system does); so a block that ended short of
/// ``blockSize`` (at the object's end) serves only the bytes it holds, and a read past them asks the store
/// again, which is how a followed object's new bytes are read and no others.
package final class ObjectByteSource: ByteSource {
    /// The object.
    package let location: S3Location
    /// Bytes fetched per request.
    package let blockSize: Int
    private let store: any ObjectStore
    /// The last block fetched: its offset in the object and its bytes.
    private let block = Mutex<(offset: Int64, bytes: [UInt8])>((0, []))

    /// A source for the object at `location` in `store`.
    /// - Parameters:
    ///   - location: The object.
    ///   - store: The store holding it.
    ///   - blockSize: Bytes fetched per request, at least 1; 8 MiB by default, so that a request's latency is
    ///     paid once per many records.
    package init(_ location: S3Location, in store: any ObjectStore, blockSize: Int = 8 << 20) {
        self.location = location
        self.store = store
        self.blockSize = max(1, blockSize)
    }

    package func read(into buffer: UnsafeMutableRawBufferPointer, at offset: Int64) throws(ByteSourceError) -> Int {
        guard let destination = buffer.baseAddress, !buffer.isEmpty, offset >= 0 else { return 0 }
        if let count = copyCached(to: destination, count: buffer.count, at: offset) { return count }
        let wanted = Int64(max(blockSize, buffer.count))
        let bytes: [UInt8]
        do {
            bytes = try store.readObject(location, range: offset..<(offset &+ wanted))
        } catch {
            throw ByteSourceError(objectStorageReason: ObjectStoragePath.Failure(error).reason)
        }
        let count = min(bytes.count, buffer.count)
        bytes.withUnsafeBytes { source in
            if let base = source.baseAddress { destination.copyMemory(from: base, byteCount: count) }
        }
        block.withLock { $0 = (offset, bytes) }
        return count
    }

    /// Copies from the last block when it holds the byte at `offset`; `nil` when it does not.
    private func copyCached(to destination: UnsafeMutableRawPointer, count: Int, at offset: Int64) -> Int? {
        block.withLock { block -> Int? in
            let start = offset - block.offset
            guard start >= 0, start < Int64(block.bytes.count) else { return nil }
            let available = min(count, block.bytes.count - Int(start))
            block.bytes.withUnsafeBytes { source in
                if let base = source.baseAddress {
                    destination.copyMemory(from: base + Int(start), byteCount: available)
                }
            }
            return available
        }
    }

    /// The object's size now: a `HEAD` each time, never a size a listing gave, since the one caller (the record
    /// reader, before it grows its window for a record longer than a chunk) needs what the object holds now,
    /// which may be more. Reading needs no size: a source opened without one reads on until a range comes back
    /// short.
    package func size() throws(ByteSourceError) -> Int64 {
        let size: Int64?
        do { size = try store.objectSize(location) } catch {
            throw ByteSourceError(objectStorageReason: ObjectStoragePath.Failure(error).reason)
        }
        guard let size else { throw ByteSourceError(objectStorageReason: "no such object") }
        return size
    }
}
