// EventFileSource.swift: the bytes of an event file by its path, local or in object storage.

import TensorBoardObjectStorage

/// Opens an event file's bytes by path: a local file (``FileByteSource``) or, for an `s3://` path, the object
/// (``ObjectByteSource``), so that every reader takes either kind of path.
package enum EventFileSource {
    /// The bytes of the event file at `path`.
    /// - Throws: ``EventFileError`` naming `path`: as ``FileByteSource/init(path:)`` for a local file; for an
    ///   object, `.objectStorage` when the path or configuration is invalid, the request fails, or there is no
    ///   such object (asked at once, as opening a local file would fail at once).
    package static func open(_ path: String) throws(EventFileError) -> any ByteSource {
        guard ObjectStoragePath.isObjectStorage(path) else { return try FileByteSource(path: path) }
        let (location, store, _) = try object(path)
        return ObjectByteSource(location, in: store)
    }

    /// The size of the event file at `path` now, or `nil` when it cannot be found.
    package static func size(_ path: String) -> Int64? {
        guard ObjectStoragePath.isObjectStorage(path) else { return SystemCalls.fileSize(path) }
        return try? object(path).size
    }

    /// The object at the `s3://` path `path`, its store and its size now (a `HEAD`).
    /// - Throws: ``EventFileError`` `.objectStorage` naming `path` when the path or configuration is invalid,
    ///   the request fails, or there is no such object.
    package static func object(
        _ path: String
    ) throws(EventFileError) -> (location: S3Location, store: any ObjectStore, size: Int64) {
        let found: (location: S3Location, store: any ObjectStore, size: Int64?)
        do {
            found = try ObjectStoragePath.using(path) { (location, store) throws(ObjectStoreError) in
                (location, store, try store.objectSize(location))
            }
        } catch {
            throw EventFileError(.objectStorage(reason: error.reason), path: path)
        }
        guard let size = found.size else { throw EventFileError(.objectStorage(reason: "no such object"), path: path) }
        return (found.location, found.store, size)
    }
}
