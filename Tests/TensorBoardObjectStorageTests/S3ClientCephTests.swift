// S3ClientCephTests.swift: the S3 client against a real Ceph RADOS Gateway (TBE_S3_TESTS=1).

import Foundation
import Synchronization
import Testing

@testable import TensorBoardObjectStorage

/// Runs only with `TBE_S3_TESTS=1`, in an environment from `eval "$(scripts/ceph start DIR)"`
/// (`AWS_ACCESS_KEY_ID`, `AWS_SECRET_ACCESS_KEY`, `AWS_ENDPOINT_URL_S3`, `AWS_REGION`). Each test uses buckets of
/// its own with random names, so tests may run in parallel and again on the same cluster.
@Suite(.enabled(if: ProcessInfo.processInfo.environment["TBE_S3_TESTS"] == "1", "set TBE_S3_TESTS=1 and run Ceph"))
struct S3ClientCephTests {
    /// The configuration from the environment.
    private static func configuration() throws -> S3Configuration {
        try S3Configuration.resolve(environment: .process)
    }

    /// A client of the gateway, with small listing pages so a few keys cross pages.
    private static func client(pageSize: Int = 1000, secret: String? = nil) throws -> S3Client {
        var configuration = try configuration()
        if let secret { configuration.credentials.secretAccessKey = secret }
        return S3Client(configuration: configuration, pageSize: pageSize)
    }

    /// A bucket name no earlier run used.
    private static func uniqueBucket(_ purpose: String) -> String {
        "tbe-\(purpose)-\(UInt64.random(in: 0...UInt64.max) & 0xFFFF_FFFF_FFFF)"
    }

    /// Put, list across pages, head, ranged reads, 416, delete, on a new bucket.
    @Test func objectRoundTrip() throws {
        let client = try Self.client(pageSize: 2)
        let bucket = Self.uniqueBucket("round-trip")
        try client.createBucket(bucket)
        try client.createBucket(bucket)  // already owned: still success
        let keys = ["run/b", "run/a b+c", "run/ünï/日本", "run/z%41", "run/c", "other"]
        for (index, key) in keys.enumerated() {
            try client.writeObject(try S3Location(bucket: bucket, key: key), bytes: Array("object \(index)".utf8))
        }
        let listed = try client.listObjects(in: bucket, prefix: "run/")
        let expected = keys.filter { $0.hasPrefix("run/") }.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
        #expect(listed.map(\.key) == expected)
        #expect(listed.allSatisfy { $0.size == 8 })
        #expect(try client.listObjects(in: bucket, prefix: "").count == keys.count)
        #expect(try client.listObjects(in: bucket, prefix: "nothing/").isEmpty)

        let location = try S3Location(bucket: bucket, key: "run/ünï/日本")
        #expect(try client.objectSize(location) == 8)
        #expect(try client.readObject(location, range: 0..<8) == Array("object 2".utf8))
        #expect(try client.readObject(location, range: 2..<5) == Array("jec".utf8))
        #expect(try client.readObject(location, range: 6..<100) == Array(" 2".utf8))
        #expect(try client.readObject(location, range: 8..<20).isEmpty)  // 416
        #expect(try client.readObject(location, range: 100..<200).isEmpty)
        #expect(try client.readObject(location, range: 3..<3).isEmpty)

        try client.deleteObject(location)
        #expect(try client.objectSize(location) == nil)
        try client.deleteObject(location)  // missing: success
        #expect(throws: ObjectStoreError(.noSuchKey, location: location.description)) {
            try client.readObject(location, range: 0..<1)
        }
        #expect(throws: ObjectStoreError(.noSuchKey, location: location.description)) {
            try client.readObject(location, range: 0..<0)
        }
    }

    /// An empty object, and one larger than a typical buffer, are written and read back whole.
    @Test func emptyAndLargeObjects() throws {
        let client = try Self.client()
        let bucket = Self.uniqueBucket("sizes")
        try client.createBucket(bucket)
        let empty = try S3Location(bucket: bucket, key: "empty")
        try client.writeObject(empty, bytes: [])
        #expect(try client.objectSize(empty) == 0)
        #expect(try client.readObject(empty, range: 0..<10).isEmpty)
        let large = try S3Location(bucket: bucket, key: "large")
        let bytes = (0..<3_000_000).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ $0 >> 8) }
        try client.writeObject(large, bytes: bytes)
        #expect(try client.objectSize(large) == Int64(bytes.count))
        #expect(try client.readObject(large, range: 0..<Int64(bytes.count)) == bytes)
        #expect(try client.readObject(large, range: 1_000_000..<1_000_010) == Array(bytes[1_000_000..<1_000_010]))
    }

    /// An object stored with `Content-Encoding: gzip` reads back as stored, not decoded by the HTTP stack.
    @Test func contentEncodedObjectReadsAsStored() throws {
        let client = try Self.client()
        let bucket = Self.uniqueBucket("encoded")
        try client.createBucket(bucket)
        let location = try S3Location(bucket: bucket, key: "z.gz")
        // gzip of "hello hello hello", by Python's gzip.compress with mtime 0.
        let stored: [UInt8] = [
            0x1F, 0x8B, 0x08, 0x00, 0x00, 0x00, 0x00, 0x00, 0x02, 0x03, 0xCB, 0x48, 0xCD, 0xC9, 0xC9, 0x57, 0xC8,
            0x40, 0x90, 0x00, 0x80, 0x88, 0xF9, 0xE5, 0x11, 0x00, 0x00, 0x00,
        ]
        let (response, _) = try client.send("PUT", location, headers: [("Content-Encoding", "gzip")], body: stored)
        #expect(response.status == 200)
        #expect(try client.objectSize(location) == Int64(stored.count))
        #expect(try client.readObject(location, range: 0..<100) == stored)
        #expect(try client.readObject(location, range: 1..<4) == Array(stored[1..<4]))
    }

    /// Many threads share one client (and the process's one URLSession): every write and read completes.
    @Test func concurrentRequestsShareOneClient() throws {
        let client = try Self.client()
        let bucket = Self.uniqueBucket("concurrent")
        try client.createBucket(bucket)
        let failures = Mutex<[String]>([])
        DispatchQueue.concurrentPerform(iterations: 32) { index in
            do {
                let location = try S3Location(bucket: bucket, key: "k\(index)")
                try client.writeObject(location, bytes: Array("value \(index)".utf8))
                let read = try client.readObject(location, range: 0..<100)
                if read != Array("value \(index)".utf8) { failures.withLock { $0.append("k\(index): wrong bytes") } }
            } catch {
                failures.withLock { $0.append("k\(index): \(error)") }
            }
        }
        #expect(failures.withLock { $0 }.isEmpty)
        #expect(try client.listObjects(in: bucket, prefix: "k").count == 32)
    }

    /// A bucket that does not exist is `.noSuchBucket` for listings, reads and deletes.
    @Test func missingBucket() throws {
        let client = try Self.client()
        let bucket = Self.uniqueBucket("missing")
        #expect(throws: ObjectStoreError(.noSuchBucket, location: "s3://\(bucket)/p")) {
            try client.listObjects(in: bucket, prefix: "p")
        }
        let location = try S3Location(bucket: bucket, key: "k")
        #expect(throws: ObjectStoreError(.noSuchBucket, location: location.description)) {
            try client.readObject(location, range: 0..<1)
        }
        #expect(throws: ObjectStoreError(.noSuchBucket, location: location.description)) {
            try client.writeObject(location, bytes: [1])
        }
        #expect(try client.objectSize(location) == nil)
    }

    /// A wrong secret is refused, and the error names the access key id but neither secret.
    @Test func wrongSecretIsAccessDenied() throws {
        let configuration = try Self.configuration()
        let wrong = "not-the-secret-\(UInt32.random(in: 0...UInt32.max))"
        let client = try Self.client(secret: wrong)
        do {
            _ = try client.listObjects(in: Self.uniqueBucket("denied"), prefix: "")
            Issue.record("no error")
        } catch {
            guard case .accessDenied(let keyID, let serverCode, _) = error.code else {
                Issue.record("not accessDenied: \(error)")
                return
            }
            #expect(keyID == configuration.credentials.accessKeyID)
            #expect(serverCode == "SignatureDoesNotMatch")
            #expect(error.description.contains(configuration.credentials.accessKeyID))
            #expect(!error.description.contains(wrong))
            #expect(!error.description.contains(configuration.credentials.secretAccessKey))
            #expect(error.attempts == 1)
        }
    }

    /// The shared store resolves the same configuration and works.
    @Test func sharedStoreWorks() throws {
        let client = try Self.client()
        let bucket = Self.uniqueBucket("shared")
        try client.createBucket(bucket)
        let location = try S3Location(bucket: bucket, key: "k")
        let store = try ObjectStores.shared(for: location)
        try store.writeObject(location, bytes: [1, 2, 3])
        #expect(try store.readObject(location, range: 1..<3) == [2, 3])
    }
}
