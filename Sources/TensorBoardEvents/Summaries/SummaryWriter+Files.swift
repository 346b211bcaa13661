// SummaryWriter+Files.swift: where a new writer's event file goes: a local directory or object storage.

import TensorBoardObjectStorage

extension SummaryWriter {
    /// Buffered bytes above which a writer in object storage uploads a segment before its interval is up: large,
    /// since every upload is a request and a new object, and bounded, since the buffer lives in memory.
    static let objectStorageSegmentSize = 16 << 20

    /// Creates `runDirectory` if needed and a new event file in it whose name sorts after those already there.
    /// - Throws: ``EventFileError`` `.openFailed` when the directory or the file cannot be created.
    static func localFile(_ runDirectory: String, options: Options) throws(EventFileError) -> EventFileWriter {
        if let error = SystemCalls.makeDirectories(runDirectory) {
            throw EventFileError(.openFailed(errno: error.code), path: runDirectory)
        }
        // The names already there, so that the new file sorts after them (TensorBoard reads files in name order).
        let existing = (try? SystemCalls.listDirectory(runDirectory).get().map(\.name)) ?? []
        repeat {
            let path =
                runDirectory + "/" + EventFileName.make(sortingAfter: existing, suffix: options.fileNameSuffix)
            do {
                return try EventFileWriter(creating: path, flushThreshold: options.bufferSize)
            } catch let error where error.code == .openFailed(errno: SystemCalls.fileExists) {
                continue
            }
        } while true
    }

    /// A new event file in the run `runDirectory` of object storage, written as segments (see
    /// ``ObjectSegments``), whose name sorts after every event file the run already holds.
    /// - Throws: ``EventFileError`` `.objectStorage` when the path or the configuration is invalid or the run
    ///   cannot be listed (a missing bucket, a refused key).
    static func objectStorageFile(_ runDirectory: String, options: Options) throws(EventFileError) -> EventFileWriter {
        let (run, store, existing): (S3Location, any ObjectStore, [String])
        do {
            (run, store, existing) = try ObjectStoragePath.using(runDirectory) {
                (run, store) throws(ObjectStoreError) in
                let prefix = ObjectStoragePath.directoryPrefix(run.key)
                let names = try store.listObjects(in: run.bucket, prefix: prefix).map {
                    String($0.key.dropFirst(prefix.count))
                }
                return (run, store, names.filter { !$0.contains("/") })
            }
        } catch {
            throw EventFileError(.objectStorage(reason: error.reason), path: runDirectory)
        }
        let prefix = ObjectStoragePath.directoryPrefix(run.key)
        let name = EventFileName.make(sortingAfter: existing, suffix: options.fileNameSuffix)
        let base: S3Location
        do { base = try S3Location(bucket: run.bucket, key: prefix + name) } catch {
            throw EventFileError(.objectStorage(reason: "\(error)"), path: runDirectory)
        }
        return EventFileWriter(
            segments: ObjectSegments(base: base, store: store),
            flushThreshold: max(options.bufferSize, objectStorageSegmentSize)
        )
    }
}
