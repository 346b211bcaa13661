// EventFileSource.swift: the bytes of an event file by its path, local or in object storage.

import TensorBoardObjectStorage

/// Opens an event file's bytes by path: a local file (``FileByteSource``) or, for an `s3://` path, the object
/// (``ObjectByteSource``), so that every reader takes either kind of path.
package enum EventFileSource {
    /// The bytes of the event file at `path`.
    /// - Parameters:
    ///   - path: The file, local or `s3://`.
    ///   - knownSize: For an object, its size as a listing gave it (``Run/listedSizes``), or `nil`. When given,
    ///     the object is not looked up at once (no `HEAD`): the listing has just shown it is there, and its size
    ///     is not needed to read it (``ObjectByteSource`` reads by ranges until a range comes back short, so an
    ///     object that grew since is read whole). An object deleted since then fails at the first read instead,
    ///     with the same reason (`object storage: no such object`, naming `path`, at offset 0). Ignored for a
    ///     local file, which is opened (and so checked) at once whatever it is.
    /// - Throws: ``EventFileError`` naming `path`: as ``FileByteSource/init(path:)`` for a local file; for an
    ///   object, `.objectStorage` when the path or configuration is invalid, or, without `knownSize`, when the
    ///   request fails or there is no such object (asked at once, as opening a local file would fail at once).
    package static func open(_ path: String, knownSize: Int64? = nil) throws(EventFileError) -> any ByteSource {
        guard ObjectStoragePath.isObjectStorage(path) else { return try FileByteSource(path: path) }
        guard knownSize != nil else {
            let (location, store, _) = try object(path)
            return ObjectByteSource(location, in: store)
        }
        switch ObjectStoragePath.resolve(path) {
        case .success(let (location, store)): return ObjectByteSource(location, in: store)
        case .failure(let failure): throw EventFileError(.objectStorage(reason: failure.reason), path: path)
        }
    }

    /// The size of the event file at `path`: `knownSize` when there is one (a listed size, which a listing
    /// has just given, so no request is made), otherwise its size now (a `stat`, or a `HEAD` for an object), or
    /// `nil` when it cannot be found.
    package static func size(_ path: String, knownSize: Int64? = nil) -> Int64? {
        if let knownSize { return knownSize }
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
