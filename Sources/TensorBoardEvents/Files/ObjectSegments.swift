// ObjectSegments.swift: a run's event file in object storage, as a sequence of objects named in writing order.

import TensorBoardObjectStorage

/// Where an event file in object storage goes: objects cannot be appended to, so each flush uploads what was
/// buffered as a new, complete event file (a segment), named `<name>.<index>` with the index in ten digits
/// from `0000000000`, so that the segments' names sort in writing order and both TensorBoard loaders, which
/// read a run's files in name order, read them in turn as one file.
///
/// Each segment holds whole records; the first starts with the file-version event. Nothing is ever replaced,
/// so a reader never sees an object change under it, and what was uploaded survives the writer's process.
package struct ObjectSegments: Sendable {
    /// The prefix of every segment's path: `s3://bucket/run/<event file name>`.
    package let path: String
    private let base: S3Location
    private let store: any ObjectStore
    /// The index of the next segment.
    package private(set) var nextIndex = 0

    /// Segments named after `base`, in `store`.
    /// - Parameters:
    ///   - base: The event file's location (`run/<event file name>`); segments add `.<index>` to its key.
    ///   - store: The store.
    package init(base: S3Location, store: any ObjectStore) {
        self.base = base
        self.store = store
        self.path = base.description
    }

    /// The path of segment `index`.
    package static func key(_ base: String, index: Int) -> String {
        let digits = String(index)
        return base + "." + String(repeating: "0", count: max(0, 10 - digits.count)) + digits
    }

    /// Uploads `bytes` as the next segment.
    /// - Parameters:
    ///   - bytes: Whole records.
    ///   - offset: Where they start in the event file as a whole (for the error).
    /// - Throws: ``EventFileError`` `.objectStorage` naming the segment, after the store's retries; the index
    ///   stays, so the next attempt uploads under the same name.
    package mutating func upload(_ bytes: [UInt8], at offset: Int64) throws(EventFileError) {
        let key = Self.key(base.key, index: nextIndex)
        let segment: S3Location
        do { segment = try S3Location(bucket: base.bucket, key: key) } catch {
            throw EventFileError(.objectStorage(reason: "\(error)"), path: Self.key(path, index: nextIndex))
        }
        do { try store.writeObject(segment, bytes: bytes) } catch {
            throw EventFileError(
                .objectStorage(reason: ObjectStoragePath.Failure(error).reason),
                path: segment.description,
                offset: offset
            )
        }
        nextIndex += 1
    }
}
