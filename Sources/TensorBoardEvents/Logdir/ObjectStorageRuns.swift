// ObjectStorageRuns.swift: finds the runs of a log directory in object storage from one listing of its keys.

import TensorBoardObjectStorage

/// Run discovery under an `s3://` prefix, as TensorBoard's loaders find runs there: every "directory" (the part
/// of a key before its last `/`) that directly holds an object whose name contains `tfevents` is a run, named
/// by its path below the log directory (`.` for the log directory itself).
///
/// One listing of the whole prefix (every page) gives every run at once, where walking directory by directory
/// would cost a request per level. Keys ending in `/` (the empty "folder" objects some tools make) and names
/// ending in `.profile-empty` are skipped; keys are taken as they are, so `a//b` is the run `a/` and file `b`,
/// and `/b` the run whose name is empty.
package enum ObjectStorageRuns {
    /// The runs under `logdir` in `store`.
    /// - Parameters:
    ///   - logdir: The log directory's location; its key is a prefix, taken as a directory (`runs` lists
    ///     `runs/…`). A key that is itself an event file's object is also accepted (its directory's run).
    ///   - store: The store.
    /// - Returns: The runs sorted by name (byte order), each run's files sorted by name, with the sizes the
    ///   listing gave them (``Run/listedSizes``), so that reading them needs no `HEAD` per file.
    /// - Throws: ``ObjectStoreError`` when listing fails (a missing bucket, a refused key, no response).
    package static func discover(in logdir: S3Location, store: any ObjectStore) throws(ObjectStoreError) -> [Run] {
        let prefix = ObjectStoragePath.directoryPrefix(logdir.key)
        let root = "s3://\(logdir.bucket)/" + prefix
        // Keyed by the run's directory below the prefix; `nil` for the log directory itself (a key with no `/`
        // below the prefix), which differs from the directory `""` of a key such as `/x`.
        var files: [String?: [String]] = [:]
        // The listed sizes of each run's files, by run directory as `files` and by path.
        var sizes: [String?: [String: Int64]] = [:]
        for object in try store.listObjects(in: logdir.bucket, prefix: prefix) {
            let relative = object.key.dropFirst(prefix.count)
            guard let name = relative.split(separator: "/", omittingEmptySubsequences: false).last,
                !name.isEmpty, EventFileName.isEventFile(String(name)), !name.hasSuffix(".profile-empty")
            else { continue }
            let directory = relative.count > name.count ? String(relative.dropLast(name.count + 1)) : nil
            files[directory, default: []].append(root + relative)
            sizes[directory, default: [:]][root + relative] = object.size
        }
        if files.isEmpty, let single = try singleFile(logdir, store: store) { return [single] }
        var runs = files.map { directory, paths in
            Run(
                name: directory ?? ".",
                directory: directory.map { root + $0 } ?? String(root.dropLast(prefix.isEmpty ? 0 : 1)),
                files: paths.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) },
                listedSizes: sizes[directory] ?? [:]
            )
        }
        runs.sort { $0.name.utf8.lexicographicallyPrecedes($1.name.utf8) }
        return runs
    }

    /// The run of a log directory given as one event file's object, or `nil` when `location` is not one; the
    /// `HEAD` that finds the object gives its size, kept as a listed size.
    private static func singleFile(_ location: S3Location, store: any ObjectStore) throws(ObjectStoreError) -> Run? {
        guard !location.key.isEmpty, !location.key.hasSuffix("/"),
            let name = location.key.split(separator: "/").last, EventFileName.isEventFile(String(name)),
            let size = try store.objectSize(location)
        else { return nil }
        let directory = String(location.description.dropLast(name.count + 1))
        return Run(
            name: ".",
            directory: directory,
            files: [location.description],
            listedSizes: [location.description: size]
        )
    }
}
