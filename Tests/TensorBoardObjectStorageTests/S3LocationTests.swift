// S3LocationTests.swift: parsing s3://bucket/prefix, and S3's bucket naming rules.

import Testing

@testable import TensorBoardObjectStorage

/// ``S3Location`` parsing: the split TensorBoard's `S3FileSystem.bucket_and_path` makes, and S3's documented
/// rules for general purpose bucket names.
struct S3LocationTests {
    /// The bucket is up to the first `/`; the key is the rest, exactly.
    @Test(arguments: [
        ("s3://my-logs", "my-logs", ""),
        ("s3://my-logs/", "my-logs", ""),
        ("s3://my-logs/runs/exp1", "my-logs", "runs/exp1"),
        ("s3://my-logs/runs/exp1/", "my-logs", "runs/exp1/"),
        ("s3://logs.example.com/a//b/./c/../d", "logs.example.com", "a//b/./c/../d"),
        ("s3://abc/\u{E9}t\u{E9} 1?x#y", "abc", "\u{E9}t\u{E9} 1?x#y"),
        ("s3://0-9/k", "0-9", "k"),
    ])
    func splitsAtTheFirstSlash(text: String, bucket: String, key: String) throws {
        let location = try S3Location(parsing: text)
        #expect(location.bucket == bucket)
        #expect(location.key == key)
        #expect(location.description == "s3://\(bucket)/\(key)")
    }

    /// Each rule, broken once.
    @Test(arguments: [
        ("gs://bucket/x", S3LocationError.Code.notAnS3URL),
        ("S3://bucket/x", .notAnS3URL),
        ("/tmp/logs", .notAnS3URL),
        ("s3://", .missingBucket),
        ("s3:///runs", .missingBucket),
        ("s3://ab/x", .invalidBucketName(bucket: "ab", rule: "bucket names are 3 to 63 characters long")),
        (
            "s3://" + String(repeating: "a", count: 64),
            .invalidBucketName(
                bucket: String(repeating: "a", count: 64),
                rule: "bucket names are 3 to 63 characters long"
            )
        ),
        (
            "s3://My-Logs/x",
            .invalidBucketName(bucket: "My-Logs", rule: "bucket names hold only lowercase letters, digits, '.' and '-'")
        ),
        (
            "s3://my_logs/x",
            .invalidBucketName(bucket: "my_logs", rule: "bucket names hold only lowercase letters, digits, '.' and '-'")
        ),
        (
            "s3://-logs/x",
            .invalidBucketName(bucket: "-logs", rule: "bucket names start and end with a lowercase letter or a digit")
        ),
        (
            "s3://logs./x",
            .invalidBucketName(bucket: "logs.", rule: "bucket names start and end with a lowercase letter or a digit")
        ),
        ("s3://a..b/x", .invalidBucketName(bucket: "a..b", rule: "bucket names have no two adjacent '.'")),
        ("s3://192.168.5.4/x", .invalidBucketName(bucket: "192.168.5.4", rule: "bucket names are not IP addresses")),
        ("s3://abc/" + String(repeating: "k", count: 1025), .keyTooLong(bytes: 1025)),
    ])
    func rejectsWhatS3Rejects(text: String, code: S3LocationError.Code) {
        #expect(throws: S3LocationError(code, text: text)) { try S3Location(parsing: text) }
    }

    /// A 1024-byte key (of two-byte characters) is the longest allowed.
    @Test func acceptsAKeyOf1024Bytes() throws {
        let key = String(repeating: "\u{E9}", count: 512)
        #expect(try S3Location(parsing: "s3://abc/" + key).key == key)
        #expect(throws: S3LocationError.self) { try S3Location(parsing: "s3://abc/" + key + "x") }
    }

    /// The message names the text, the rule and the bucket received.
    @Test func errorSaysWhatIsWrongAndWhatWasReceived() {
        let error = S3LocationError(
            .invalidBucketName(
                bucket: "My-Logs",
                rule: "bucket names hold only lowercase letters, digits, '.' and '-'"
            ),
            text: "s3://My-Logs/x"
        )
        #expect(
            error.description
                == "s3://My-Logs/x: not a valid bucket name: bucket names hold only lowercase letters, digits, '.' "
                + "and '-'. Received: bucket=My-Logs"
        )
        #expect(
            S3LocationError(.notAnS3URL, text: "/tmp/logs").description
                == "/tmp/logs: an S3 location must start with s3:// (as s3://bucket/prefix)"
        )
    }
}
