// S3Client.swift: the object store over S3's REST API: ListObjectsV2, HEAD, ranged GET, PUT, DELETE.

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// An ``ObjectStore`` that talks to S3 (AWS, or a custom endpoint such as Ceph's RADOS Gateway) with requests
/// signed by Signature Version 4.
///
/// Every call builds its request as a ``SignableRequest`` for the configuration's ``S3RequestTarget``, signs it at
/// the current time (again for each attempt, so a retry after a long wait is not refused as stale), and sends it
/// to the URL the signature's canonical path and query spell, with the signature's headers. Transient failures
/// are retried by ``retryPolicy`` inside the call; an error that comes out is final and says how many requests
/// were sent. Errors name the `s3://` location and, for a refusal, the access key id, never a secret.
///
/// The client holds no mutable state and may be used from many threads at once.
package struct S3Client: ObjectStore {
    /// The credentials, region and endpoint requests are made with.
    package let configuration: S3Configuration
    /// Sends the requests.
    package let transport: any HTTPTransport
    /// How transient failures are retried.
    package let retryPolicy: RetryPolicy
    /// The most keys asked for per listing page (`max-keys`), 1...1000; S3's own limit and default is 1000.
    package let pageSize: Int
    /// The time requests are signed at.
    package let clock: @Sendable () -> SigningTime

    /// A client.
    /// - Parameters:
    ///   - configuration: Credentials, region and endpoint.
    ///   - transport: The HTTP layer (the process's shared URLSession one by default).
    ///   - retryPolicy: Retries of transient failures (``RetryPolicy/standard`` by default).
    ///   - pageSize: Keys per listing page, clamped to 1...1000 (tests use small pages to cross pages cheaply).
    ///   - clock: The signing time (the system's clock by default).
    package init(
        configuration: S3Configuration,
        transport: any HTTPTransport = URLSessionTransport.shared,
        retryPolicy: RetryPolicy = .standard,
        pageSize: Int = 1000,
        clock: @escaping @Sendable () -> SigningTime = S3Client.systemClock
    ) {
        self.configuration = configuration
        self.transport = transport
        self.retryPolicy = retryPolicy
        self.pageSize = min(max(pageSize, 1), 1000)
        self.clock = clock
    }

    /// The system's clock, in whole seconds.
    package static let systemClock: @Sendable () -> SigningTime = {
        SigningTime(secondsSince1970: Int64(time(nil)))
    }

    /// Lists with ListObjectsV2 (`GET /bucket?list-type=2&prefix=…&max-keys=…&continuation-token=…`), following
    /// `NextContinuationToken` while `IsTruncated`, and sorts the whole listing by key bytes (S3 already returns
    /// UTF-8 binary order; sorting makes that a guarantee for any server). A token that comes back twice is an
    /// invalid response rather than an endless loop.
    package func listObjects(in bucket: String, prefix: String) throws(ObjectStoreError) -> [StoredObject] {
        let location = try Self.location(bucket: bucket, key: "")
        let name = "s3://\(bucket)/\(prefix)"
        var objects: [StoredObject] = []
        var token: String?
        var tokens: Set<String> = []
        while true {
            var query = [(name: "list-type", value: "2"), ("prefix", prefix), ("max-keys", String(pageSize))]
            if let token { query.append(("continuation-token", token)) }
            let (response, attempts) = try send("GET", location, query: query)
            guard response.status == 200 else {
                throw failure(response, location: name, attempts: attempts, forBucket: true)
            }
            let page: ListBucketResult
            do {
                page = try ListBucketResult(parsing: response.body)
            } catch {
                throw ObjectStoreError(.invalidResponse(reason: "listing: \(error.reason)"), location: name)
            }
            objects += page.objects
            guard page.isTruncated, let next = page.nextContinuationToken else { break }
            guard tokens.insert(next).inserted else {
                throw ObjectStoreError(
                    .invalidResponse(reason: "the listing repeats a continuation token"),
                    location: name
                )
            }
            token = next
        }
        return objects.sorted { $0.key.utf8.lexicographicallyPrecedes($1.key.utf8) }
    }

    /// `HEAD`s the object: its `Content-Length` on 200, `nil` on 404 (a HEAD response has no body, so a missing
    /// bucket reads as a missing object too).
    package func objectSize(_ location: S3Location) throws(ObjectStoreError) -> Int64? {
        let (response, attempts) = try send("HEAD", location)
        switch response.status {
        case 200..<300:
            guard let text = response.header("Content-Length"), let size = Int64(text), size >= 0 else {
                throw ObjectStoreError(
                    .invalidResponse(reason: "HEAD without a valid Content-Length"),
                    location: "\(location)"
                )
            }
            return size
        case 404: return nil
        default: throw failure(response, location: "\(location)", attempts: attempts)
        }
    }

    /// A ranged `GET` (`Range: bytes=lower-(upper-1)`): 206 gives the part (checked to be no longer than asked and
    /// to start where asked), 200 (a server that ignores `Range`) the whole object, sliced here, and 416 (the range
    /// starts at or after the end) nothing. An empty range sends a `HEAD` instead, so a missing object still fails.
    ///
    /// URLSession on Linux decodes any `Content-Encoding` it meets (an object stored with `gzip`), which would turn
    /// the stored bytes into others; `response-content-encoding=identity` asks S3 (and radosgw) to label the body
    /// `identity` instead, and a body still labelled otherwise is an invalid response, never silently decoded.
    package func readObject(_ location: S3Location, range: Range<Int64>) throws(ObjectStoreError) -> [UInt8] {
        let lower = max(0, range.lowerBound)
        let upper = range.upperBound
        guard lower < upper else {
            guard try objectSize(location) != nil else { throw ObjectStoreError(.noSuchKey, location: "\(location)") }
            return []
        }
        let (response, attempts) = try send(
            "GET",
            location,
            query: [("response-content-encoding", "identity")],
            headers: [("Range", "bytes=\(lower)-\(upper - 1)")]
        )
        let body = response.body
        if let encoding = response.header("Content-Encoding"), !encoding.isEmpty, encoding != "identity" {
            let reason = "Content-Encoding \(encoding): the HTTP stack decoded the body, so it is not the stored bytes"
            throw ObjectStoreError(.invalidResponse(reason: reason), location: "\(location)")
        }
        switch response.status {
        case 206:
            guard Int64(body.count) <= upper - lower else {
                let reason = "HTTP 206 with \(body.count) bytes for a range of \(upper - lower)"
                throw ObjectStoreError(.invalidResponse(reason: reason), location: "\(location)")
            }
            if let contentRange = response.header("Content-Range"), let start = Self.rangeStart(contentRange),
                start != lower
            {
                let reason = "HTTP 206 for bytes from \(start), not from \(lower)"
                throw ObjectStoreError(.invalidResponse(reason: reason), location: "\(location)")
            }
            return body
        case 200:
            let start = Int(clamping: min(lower, Int64(body.count)))
            let end = Int(clamping: min(upper, Int64(body.count)))
            return Array(body[start..<end])
        case 416: return []
        default: throw failure(response, location: "\(location)", attempts: attempts)
        }
    }

    /// `PUT`s the whole object.
    package func writeObject(_ location: S3Location, bytes: [UInt8]) throws(ObjectStoreError) {
        let (response, attempts) = try send("PUT", location, body: bytes)
        guard (200..<300).contains(response.status) else {
            throw failure(response, location: "\(location)", attempts: attempts)
        }
    }

    /// `DELETE`s the object: 2xx and a 404 other than `NoSuchBucket` succeed (S3 answers 204 for a missing key;
    /// some servers 404). A missing bucket is an error, as for ``MemoryObjectStore``: it is a misconfiguration.
    package func deleteObject(_ location: S3Location) throws(ObjectStoreError) {
        let (response, attempts) = try send("DELETE", location)
        if (200..<300).contains(response.status) { return }
        let error = failure(response, location: "\(location)", attempts: attempts)
        if response.status == 404, error.code != .noSuchBucket { return }
        throw error
    }

    /// Creates the bucket `name` (`PUT /name`); one that this account already owns counts as created. On AWS
    /// outside us-east-1 the region goes in a `CreateBucketConfiguration`, as S3 requires; a custom endpoint gets
    /// none (its zone group decides).
    /// - Throws: ``ObjectStoreError``, such as `.server(409, BucketAlreadyExists…)` for another account's bucket.
    package func createBucket(_ name: String) throws(ObjectStoreError) {
        let location = try Self.location(bucket: name, key: "")
        var body: [UInt8] = []
        if configuration.endpoint == nil, configuration.region != S3Configuration.defaultRegion {
            body = Array(
                ("<CreateBucketConfiguration xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\"><LocationConstraint>"
                    + configuration.region + "</LocationConstraint></CreateBucketConfiguration>").utf8
            )
        }
        let (response, attempts) = try send("PUT", location, body: body)
        if (200..<300).contains(response.status) { return }
        let error = failure(response, location: "\(location)", attempts: attempts, forBucket: true)
        if case .server(409, "BucketAlreadyOwnedByYou", _) = error.code { return }
        throw error
    }

    /// The first byte position of a `Content-Range: bytes first-last/total` value, or `nil` if it is not one.
    private static func rangeStart(_ value: String) -> Int64? {
        guard value.hasPrefix("bytes ") else { return nil }
        return Int64(value.dropFirst(6).prefix { $0 != "-" })
    }
}
