// ObjectStoragePath.swift: tells s3:// paths from local ones and finds the object and the store behind one.

import TensorBoardObjectStorage

/// Paths into object storage, `s3://bucket/key`, wherever the files layer takes a path: they name objects (an
/// event file) or key prefixes (a run or log directory, whose "subdirectories" are the `/`-separated parts of
/// the keys below it).
package enum ObjectStoragePath {
    /// The scheme that makes a path one into object storage.
    package static let scheme = "s3://"

    /// The store every `s3://` path resolves to in the current task instead of the shared one: tests set it
    /// (`$storeOverride.withValue`) to run the layers above on a ``MemoryObjectStore``.
    @TaskLocal package static var storeOverride: (any ObjectStore)? = nil

    /// Whether `path` names something in object storage rather than on a local file system.
    package static func isObjectStorage(_ path: String) -> Bool { path.hasPrefix(scheme) }

    /// The location `path` names and the store that holds it.
    /// - Parameter path: An `s3://` path.
    /// - Returns: The location and store, or why there are none (an invalid URL or bucket name, or a
    ///   configuration that cannot be resolved), in words that name no secret.
    package static func resolve(_ path: String) -> Result<(location: S3Location, store: any ObjectStore), Failure> {
        let location: S3Location
        do { location = try S3Location(parsing: path) } catch { return .failure(Failure(reason: "\(error)")) }
        if let store = storeOverride { return .success((location, store)) }
        do {
            return .success((location, try ObjectStores.shared(for: location)))
        } catch {
            return .failure(Failure(error))
        }
    }

    /// Runs `body` on the location `path` names and the store that holds it.
    /// - Throws: ``Failure`` when the path cannot be resolved (see ``resolve(_:)``) or `body` fails, with the
    ///   store's reason without its location, which the caller names.
    package static func using<Result>(
        _ path: String,
        _ body: (S3Location, any ObjectStore) throws(ObjectStoreError) -> Result
    ) throws(Failure) -> Result {
        switch resolve(path) {
        case .failure(let failure): throw failure
        case .success(let (location, store)):
            do { return try body(location, store) } catch { throw Failure(error) }
        }
    }

    /// The key prefix under which the objects of the "directory" `key` lie: `key/`, or the empty prefix of the
    /// bucket's root.
    package static func directoryPrefix(_ key: String) -> String {
        key.isEmpty || key.hasSuffix("/") ? key : key + "/"
    }

    /// Why an object-storage path could not be used.
    package struct Failure: Error, Sendable, Equatable {
        /// Why, without the path (the caller names it).
        package var reason: String

        /// A reason in words.
        package init(reason: String) { self.reason = reason }

        /// The store's error without its location, which the caller names.
        package init(_ error: ObjectStoreError) {
            let text = error.description
            let prefix = error.location + ": "
            reason = text.hasPrefix(prefix) ? String(text.dropFirst(prefix.count)) : text
        }
    }
}
