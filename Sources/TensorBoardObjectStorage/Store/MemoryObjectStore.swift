// MemoryObjectStore.swift: an object store in memory, for tests of the layers that use one.

import Foundation

/// Objects in memory, with S3's semantics for the calls of ``ObjectStore``: listings sorted by key, whole-object
/// writes, reads past the end empty, deletes of missing objects accepted. Buckets exist once created
/// (``createBucket(_:)``); requests to another bucket fail with `.noSuchBucket`.
///
/// ``failingRequests`` makes the next requests fail with a transient server error, to test the callers' handling
/// of a store that is down; ``deletedAfterNextListing`` deletes objects right after a listing showed them, as
/// another process could, to test readers that find a listed object gone; ``requestCount`` and ``requestCount(_:)`` tell how many requests the layers above
/// made, so that tests can check they make no more than they need.
package final class MemoryObjectStore: ObjectStore, @unchecked Sendable {
    /// The kind of a request, after the S3 request each call of ``ObjectStore`` stands for.
    package enum RequestKind: Sendable, Hashable {
        /// ``listObjects(in:prefix:)``: `ListObjectsV2` (one request: the store has no pages).
        case list
        /// ``objectSize(_:)``: `HEAD`.
        case head
        /// ``readObject(_:range:)``: a ranged `GET`.
        case get
        /// ``writeObject(_:bytes:)``: `PUT`.
        case put
        /// ``deleteObject(_:)``: `DELETE`.
        case delete
    }

    private struct Contents {
        var buckets: [String: [String: [UInt8]]] = [:]
        var failingRequests = 0
        var deletedAfterNextListing: [S3Location] = []
        /// Requests made so far by kind; a kind never asked for is absent (0).
        var requestCounts: [RequestKind: Int] = [:]
    }

    /// Reached only with `lock` held: an `NSLock` (a pthread mutex, which ThreadSanitizer understands; it does not
    /// see through `Synchronization.Mutex`'s futexes on Linux, and the tests read a store from several threads).
    private var state = Contents()
    private let lock = NSLock()

    private func withState<R, E: Error>(_ body: (inout Contents) throws(E) -> R) throws(E) -> R {
        lock.lock()
        defer { lock.unlock() }
        return try body(&state)
    }

    /// An empty store with the given buckets.
    package init(buckets: [String] = []) {
        for bucket in buckets { createBucket(bucket) }
    }

    /// Creates an empty bucket (keeping one that exists).
    package func createBucket(_ name: String) {
        withState { state in
            if state.buckets[name] == nil { state.buckets[name] = [:] }
        }
    }

    /// How many of the next requests fail with HTTP 503.
    package var failingRequests: Int {
        get { withState { $0.failingRequests } }
        set { withState { $0.failingRequests = newValue } }
    }

    /// Objects deleted once the next listing has been answered (whether it showed them or failed), without
    /// counting as requests: the deletion of another process, between a reader's listing and its reads.
    package var deletedAfterNextListing: [S3Location] {
        get { withState { $0.deletedAfterNextListing } }
        set { withState { $0.deletedAfterNextListing = newValue } }
    }

    /// How many requests were made so far (failed ones included).
    package var requestCount: Int { withState { $0.requestCounts.values.reduce(0, +) } }

    /// How many requests of `kind` were made so far (failed ones included).
    package func requestCount(_ kind: RequestKind) -> Int { withState { $0.requestCounts[kind] ?? 0 } }

    /// The objects of `bucket`, by key (empty for a bucket that does not exist).
    package func objects(in bucket: String) -> [String: [UInt8]] {
        withState { $0.buckets[bucket] ?? [:] }
    }

    /// Runs `body` on the bucket's objects after the checks every request makes, counting the request as `kind`.
    private func request<R>(
        _ kind: RequestKind,
        _ bucket: String,
        location: String,
        _ body: (inout [String: [UInt8]]) throws(ObjectStoreError) -> R
    ) throws(ObjectStoreError) -> R {
        try withState { (state) throws(ObjectStoreError) -> R in
            state.requestCounts[kind, default: 0] += 1
            if state.failingRequests > 0 {
                state.failingRequests -= 1
                throw ObjectStoreError(.server(status: 503, serverCode: "SlowDown", message: ""), location: location)
            }
            guard var objects = state.buckets[bucket] else { throw ObjectStoreError(.noSuchBucket, location: location) }
            defer { state.buckets[bucket] = objects }
            return try body(&objects)
        }
    }

    package func listObjects(in bucket: String, prefix: String) throws(ObjectStoreError) -> [StoredObject] {
        defer {
            withState { state in
                for location in state.deletedAfterNextListing { state.buckets[location.bucket]?[location.key] = nil }
                state.deletedAfterNextListing = []
            }
        }
        return try request(.list, bucket, location: "s3://\(bucket)/\(prefix)") { objects in
            objects.filter { $0.key.hasPrefix(prefix) }
                .map { StoredObject(key: $0.key, size: Int64($0.value.count)) }
                .sorted { $0.key.utf8.lexicographicallyPrecedes($1.key.utf8) }
        }
    }

    package func objectSize(_ location: S3Location) throws(ObjectStoreError) -> Int64? {
        try request(.head, location.bucket, location: location.description) { objects in
            objects[location.key].map { Int64($0.count) }
        }
    }

    package func readObject(_ location: S3Location, range: Range<Int64>) throws(ObjectStoreError) -> [UInt8] {
        try request(.get, location.bucket, location: location.description) { (objects) throws(ObjectStoreError) in
            guard let bytes = objects[location.key] else {
                throw ObjectStoreError(.noSuchKey, location: location.description)
            }
            let lower = Int(clamping: max(0, min(range.lowerBound, Int64(bytes.count))))
            let upper = Int(clamping: max(Int64(lower), min(range.upperBound, Int64(bytes.count))))
            return Array(bytes[lower..<upper])
        }
    }

    package func writeObject(_ location: S3Location, bytes: [UInt8]) throws(ObjectStoreError) {
        try request(.put, location.bucket, location: location.description) { objects in objects[location.key] = bytes }
    }

    package func deleteObject(_ location: S3Location) throws(ObjectStoreError) {
        try request(.delete, location.bucket, location: location.description) { objects in objects[location.key] = nil }
    }
}
