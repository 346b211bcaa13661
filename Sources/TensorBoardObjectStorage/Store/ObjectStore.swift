// ObjectStore.swift: what the log layers need of object storage: list, size, ranged read, write, delete.

/// An object store as the log layers use it: S3 over HTTP (``S3Client``), or memory in tests
/// (``MemoryObjectStore``).
///
/// Objects are immutable once written: a write creates or replaces a whole object. Every call is synchronous
/// and may be made from any thread; an implementation that retries does so inside the call, so an error is
/// final.
package protocol ObjectStore: Sendable {
    /// Every object whose key starts with `prefix`, sorted by key (byte order), across every page of the listing.
    /// - Throws: ``ObjectStoreError``, such as `.noSuchBucket`.
    func listObjects(in bucket: String, prefix: String) throws(ObjectStoreError) -> [StoredObject]

    /// The size in bytes of the object at `location`, or `nil` when there is none.
    /// - Throws: ``ObjectStoreError``.
    func objectSize(_ location: S3Location) throws(ObjectStoreError) -> Int64?

    /// The bytes of the object at `location` in `range`: fewer at the object's end, none from its end on.
    /// - Throws: ``ObjectStoreError``, `.noSuchKey` when there is no such object.
    func readObject(_ location: S3Location, range: Range<Int64>) throws(ObjectStoreError) -> [UInt8]

    /// Creates or replaces the object at `location` with `bytes`.
    /// - Throws: ``ObjectStoreError``.
    func writeObject(_ location: S3Location, bytes: [UInt8]) throws(ObjectStoreError)

    /// Deletes the object at `location`; deleting one that does not exist succeeds, as S3's `DeleteObject` does.
    /// - Throws: ``ObjectStoreError``.
    func deleteObject(_ location: S3Location) throws(ObjectStoreError)
}

/// One object of a listing.
package struct StoredObject: Sendable, Equatable, Hashable {
    /// Its key.
    package var key: String
    /// Its size in bytes.
    package var size: Int64

    /// Creates a listing entry.
    package init(key: String, size: Int64) {
        self.key = key
        self.size = size
    }
}
