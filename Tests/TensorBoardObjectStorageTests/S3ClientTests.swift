// S3ClientTests.swift: the S3 client's requests and its reading of responses, over a scripted transport.

import Testing

@testable import TensorBoardObjectStorage

/// What ``S3Client`` sends and how it reads what comes back, without a network.
struct S3ClientTests {
    /// A ListObjectsV2 page.
    private static func page(_ entries: [(String, Int)], next token: String?) -> HTTPResponse {
        let contents = entries.map { "<Contents><Key>\($0.0)</Key><Size>\($0.1)</Size></Contents>" }.joined()
        let truncated = token.map {
            "<IsTruncated>true</IsTruncated><NextContinuationToken>\($0)</NextContinuationToken>"
        }
        return S3Fixtures.xml(
            200,
            "<ListBucketResult xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\"><Name>bucket</Name>"
                + contents + (truncated ?? "<IsTruncated>false</IsTruncated>") + "</ListBucketResult>"
        )
    }

    /// Three pages, the first token needing URI-encoding, the keys out of order across pages: the listing is
    /// whole and sorted, and each request asks for the token the previous page gave.
    @Test func listFollowsContinuationTokensAcrossPages() throws {
        let transport = ScriptedTransport(responses: [
            Self.page([("logs/b", 2), ("logs/d", 4)], next: "1/a b+c=&amp;"),
            Self.page([("logs/a", 1), ("logs/é", 5)], next: "token2"),
            Self.page([("logs/c", 3)], next: nil),
        ])
        let objects = try S3Fixtures.client(transport, pageSize: 2).listObjects(in: "bucket", prefix: "logs/")
        #expect(objects.map(\.key) == ["logs/a", "logs/b", "logs/c", "logs/d", "logs/é"])
        #expect(objects.map(\.size) == [1, 2, 3, 4, 5])
        let urls = transport.requests.map(\.url)
        #expect(urls.count == 3)
        #expect(urls.allSatisfy { $0.hasPrefix("http://127.0.0.1:8000/bucket?") })
        #expect(urls.allSatisfy { $0.contains("list-type=2") && $0.contains("max-keys=2") })
        #expect(urls.allSatisfy { $0.contains("prefix=logs%2F") })
        #expect(!urls[0].contains("continuation-token"))
        #expect(urls[1].contains("continuation-token=1%2Fa%20b%2Bc%3D%26"))
        #expect(urls[2].contains("continuation-token=token2"))
        #expect(transport.requests.allSatisfy { $0.method == "GET" })
    }

    /// A truncated page without a token, and a token that comes back, are invalid responses, not loops.
    @Test func listRejectsBrokenPagination() throws {
        let repeating = ScriptedTransport(responses: [Self.page([], next: "t"), Self.page([], next: "t")])
        #expect {
            try S3Fixtures.client(repeating).listObjects(in: "bucket", prefix: "")
        } throws: { error in
            guard let error = error as? ObjectStoreError, case .invalidResponse = error.code else { return false }
            return true
        }
        let broken = ScriptedTransport(responses: [
            S3Fixtures.xml(200, "<ListBucketResult><IsTruncated>true</IsTruncated></ListBucketResult>")
        ])
        #expect(throws: ObjectStoreError.self) { try S3Fixtures.client(broken).listObjects(in: "bucket", prefix: "") }
    }

    /// HEAD: the size from Content-Length, `nil` for 404, an invalid response without a length.
    @Test func headReadsTheSizeAndMissingIsNil() throws {
        let transport = ScriptedTransport(responses: [
            HTTPResponse(status: 200, headers: [("content-length", "42")]),
            HTTPResponse(status: 404),
            HTTPResponse(status: 200),
        ])
        let client = S3Fixtures.client(transport)
        let location = try S3Fixtures.location("run/events")
        #expect(try client.objectSize(location) == 42)
        #expect(try client.objectSize(location) == nil)
        #expect(throws: ObjectStoreError.self) { try client.objectSize(location) }
        #expect(transport.requests.map(\.method) == ["HEAD", "HEAD", "HEAD"])
    }

    /// One ranged GET and its answer.
    struct RangeCase: Sendable, CustomTestStringConvertible {
        let status: Int
        let body: String
        let contentRange: String?
        let expected: String?
        var testDescription: String { "HTTP \(status) \(body) → \(expected ?? "invalid")" }
    }

    /// Bytes 2..<6 of "0123456789": 206 as is, 200 sliced, 416 empty; a 206 longer than asked or from elsewhere
    /// is invalid.
    @Test(arguments: [
        RangeCase(status: 206, body: "2345", contentRange: "bytes 2-5/10", expected: "2345"),
        RangeCase(status: 206, body: "23", contentRange: "bytes 2-3/4", expected: "23"),
        RangeCase(status: 200, body: "0123456789", contentRange: nil, expected: "2345"),
        RangeCase(status: 200, body: "012", contentRange: nil, expected: "2"),
        RangeCase(status: 200, body: "0", contentRange: nil, expected: ""),
        RangeCase(status: 416, body: "<Error><Code>InvalidRange</Code></Error>", contentRange: nil, expected: ""),
        RangeCase(status: 206, body: "23456", contentRange: nil, expected: nil),
        RangeCase(status: 206, body: "0123", contentRange: "bytes 0-3/10", expected: nil),
    ])
    func rangedGet(_ range: RangeCase) throws {
        let headers = range.contentRange.map { [(name: "Content-Range", value: $0)] } ?? []
        let transport = ScriptedTransport(responses: [S3Fixtures.xml(range.status, range.body, headers: headers)])
        let client = S3Fixtures.client(transport)
        let location = try S3Fixtures.location("events")
        if let expected = range.expected {
            #expect(try client.readObject(location, range: 2..<6) == Array(expected.utf8))
        } else {
            #expect(throws: ObjectStoreError.self) { try client.readObject(location, range: 2..<6) }
        }
        let sent = try #require(transport.requests.first)
        #expect(sent.headers.contains { $0.name == "Range" && $0.value == "bytes=2-5" })
    }

    /// A 403 names the access key id and S3's code, never the secret.
    @Test func accessDeniedNamesTheKeyIDOnly() throws {
        let transport = ScriptedTransport(responses: [S3Fixtures.error(403, "SignatureDoesNotMatch", "bad signature")])
        let location = try S3Fixtures.location("a")
        do {
            _ = try S3Fixtures.client(transport).readObject(location, range: 0..<10)
            Issue.record("no error")
        } catch {
            #expect(
                error.code
                    == .accessDenied(
                        accessKeyID: S3Fixtures.keyID,
                        serverCode: "SignatureDoesNotMatch",
                        message: "bad signature"
                    )
            )
            #expect(error.description.contains(S3Fixtures.keyID))
            #expect(!error.description.contains(S3Fixtures.secret))
            #expect(error.location == "s3://bucket/a")
        }
    }

    /// S3's 404 codes, and others, on a GET.
    @Test(arguments: [
        (404, "NoSuchBucket", ObjectStoreError.Code.noSuchBucket),
        (404, "NoSuchKey", .noSuchKey),
        (400, "InvalidArgument", .server(status: 400, serverCode: "InvalidArgument", message: "a message")),
        (409, "Conflict", .server(status: 409, serverCode: "Conflict", message: "a message")),
    ])
    func mapsErrorCodes(status: Int, code: String, expected: ObjectStoreError.Code) throws {
        let transport = ScriptedTransport(responses: [S3Fixtures.error(status, code)])
        let location = try S3Fixtures.location("dir/key")
        #expect(throws: ObjectStoreError(expected, location: "s3://bucket/dir/key", attempts: 1)) {
            try S3Fixtures.client(transport).readObject(location, range: 0..<1)
        }
        #expect(transport.requests.count == 1)
    }

    /// A listing of a missing bucket, and a 404 without a body for it, are `.noSuchBucket`.
    @Test func listOfAMissingBucket() {
        for response in [S3Fixtures.error(404, "NoSuchBucket"), HTTPResponse(status: 404)] {
            let transport = ScriptedTransport(responses: [response])
            #expect(throws: ObjectStoreError(.noSuchBucket, location: "s3://nobucket/p")) {
                try S3Fixtures.client(transport).listObjects(in: "nobucket", prefix: "p")
            }
        }
    }

    /// Deletes: 204 and 404 NoSuchKey succeed; a missing bucket does not.
    @Test func deleteOfAMissingObjectSucceeds() throws {
        let transport = ScriptedTransport(responses: [
            HTTPResponse(status: 204), S3Fixtures.error(404, "NoSuchKey"), S3Fixtures.error(404, "NoSuchBucket"),
        ])
        let client = S3Fixtures.client(transport)
        let location = try S3Fixtures.location("gone")
        try client.deleteObject(location)
        try client.deleteObject(location)
        #expect(throws: ObjectStoreError(.noSuchBucket, location: "s3://bucket/gone")) {
            try client.deleteObject(location)
        }
        #expect(transport.requests.map(\.method) == ["DELETE", "DELETE", "DELETE"])
    }

    /// Creating a bucket this account owns succeeds; one another account owns does not.
    @Test func createBucketAcceptsOneAlreadyOwned() throws {
        let transport = ScriptedTransport(responses: [
            HTTPResponse(status: 200), S3Fixtures.error(409, "BucketAlreadyOwnedByYou"),
            S3Fixtures.error(409, "BucketAlreadyExists"),
        ])
        let client = S3Fixtures.client(transport)
        try client.createBucket("new-bucket")
        try client.createBucket("new-bucket")
        #expect(throws: ObjectStoreError.self) { try client.createBucket("new-bucket") }
        #expect(transport.requests.allSatisfy { $0.method == "PUT" && $0.url == "http://127.0.0.1:8000/new-bucket" })
        #expect(throws: ObjectStoreError.self) { try client.createBucket("Not_A_Bucket") }
        #expect(transport.requests.count == 3)
    }

    /// A ranged GET asks for the body labelled `identity`; a body the HTTP stack would have decoded is refused.
    @Test func rangedGetRefusesADecodedBody() throws {
        let transport = ScriptedTransport(responses: [
            HTTPResponse(status: 206, headers: [("Content-Encoding", "identity")], body: [1, 2]),
            HTTPResponse(status: 206, headers: [("Content-Encoding", "gzip")], body: [1, 2]),
        ])
        let client = S3Fixtures.client(transport)
        let location = try S3Fixtures.location("z")
        #expect(try client.readObject(location, range: 0..<2) == [1, 2])
        #expect {
            try client.readObject(location, range: 0..<2)
        } throws: { error in
            guard let error = error as? ObjectStoreError, case .invalidResponse(let reason) = error.code else {
                return false
            }
            return reason.contains("gzip")
        }
        #expect(transport.requests.allSatisfy { $0.url.hasSuffix("/bucket/z?response-content-encoding=identity") })
    }

    /// Keys with `.` or `..` segments, which URL handling would resolve away, are refused without a request;
    /// dots inside names are fine.
    @Test(arguments: [("a/./b", false), ("../x", false), ("a/..", false), (".", false), ("a..b/.c/d.", true)])
    func refusesDotSegments(key: String, sent: Bool) throws {
        let transport = ScriptedTransport(responses: [HTTPResponse(status: 200)])
        let location = try S3Fixtures.location(key)
        if sent {
            try S3Fixtures.client(transport).writeObject(location, bytes: [])
        } else {
            #expect(throws: ObjectStoreError.self) { try S3Fixtures.client(transport).writeObject(location, bytes: []) }
        }
        #expect(transport.requests.count == (sent ? 1 : 0))
    }

    /// A redirect (wrong region on AWS) is reported with the region S3 names, not followed.
    @Test func redirectNamesTheBucketsRegion() throws {
        let redirect = S3Fixtures.error(301, "PermanentRedirect", "use the right endpoint")
        let transport = ScriptedTransport(responses: [
            HTTPResponse(status: 301, headers: [("x-amz-bucket-region", "eu-west-1")], body: redirect.body)
        ])
        let location = try S3Fixtures.location("k")
        #expect(
            throws: ObjectStoreError(
                .server(
                    status: 301,
                    serverCode: "PermanentRedirect",
                    message: "use the right endpoint; the bucket is in region eu-west-1"
                ),
                location: "s3://bucket/k"
            )
        ) { try S3Fixtures.client(transport).objectSize(location) }
    }
}
