// S3Location.swift: a bucket and a key prefix, written s3://bucket/prefix.

/// A place in S3: a bucket and a key (an object's, or a prefix under which a log directory's objects lie),
/// written `s3://bucket/key` as TensorBoard and the AWS CLI write it.
///
/// Parsing splits at the first `/` after `s3://`, as TensorBoard's `S3FileSystem.bucket_and_path` does, and
/// keeps the key exactly (S3 keys are not paths: `a//b`, `./` and a trailing `/` are all distinct keys); unlike
/// TensorBoard, `s3://bucket` without a `/` is accepted, as the bucket's root. Bucket names follow S3's
/// rules for general purpose buckets, which Ceph's RADOS Gateway also enforces by default: 3 to 63 characters of
/// lowercase letters, digits, `.` and `-`, starting and ending with a letter or digit, no `..`, and not an IPv4
/// address. Every value therefore has a valid bucket name and a key of at most 1024 bytes.
package struct S3Location: Sendable, Equatable, Hashable, CustomStringConvertible {
    /// The bucket's name.
    package let bucket: String
    /// The key or key prefix, without a leading `/`; empty for the bucket's root.
    package let key: String

    /// Parses `s3://bucket/key`.
    /// - Throws: ``S3LocationError`` when the text does not start with `s3://`, names no bucket or an invalid
    ///   one, or has a key over 1024 bytes.
    package init(parsing text: String) throws(S3LocationError) {
        guard text.hasPrefix("s3://") else { throw S3LocationError(.notAnS3URL, text: text) }
        let rest = text.dropFirst("s3://".count)
        let bucket = String(rest.prefix { $0 != "/" })
        let key = String(rest.dropFirst(bucket.count + 1))
        guard !bucket.isEmpty else { throw S3LocationError(.missingBucket, text: text) }
        try self.init(bucket: bucket, key: key, text: text)
    }

    /// The location of `key` in `bucket`.
    /// - Throws: ``S3LocationError`` for an invalid bucket name or a key over 1024 bytes.
    package init(bucket: String, key: String) throws(S3LocationError) {
        try self.init(bucket: bucket, key: key, text: "s3://\(bucket)/\(key)")
    }

    /// Checks and stores; `text` is what errors name.
    private init(bucket: String, key: String, text: String) throws(S3LocationError) {
        if let rule = Self.bucketNameProblem(bucket) {
            throw S3LocationError(.invalidBucketName(bucket: bucket, rule: rule), text: text)
        }
        guard key.utf8.count <= 1024 else { throw S3LocationError(.keyTooLong(bytes: key.utf8.count), text: text) }
        self.bucket = bucket
        self.key = key
    }

    /// `s3://bucket/key`.
    package var description: String { "s3://\(bucket)/\(key)" }

    /// The rule `name` breaks, as a phrase, or `nil` for a valid bucket name.
    package static func bucketNameProblem(_ name: String) -> String? {
        let bytes = Array(name.utf8)
        func isLetterOrDigit(_ byte: UInt8) -> Bool {
            (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte)
                || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
        }
        guard (3...63).contains(bytes.count) else { return "bucket names are 3 to 63 characters long" }
        guard bytes.allSatisfy({ isLetterOrDigit($0) || $0 == UInt8(ascii: ".") || $0 == UInt8(ascii: "-") }) else {
            return "bucket names hold only lowercase letters, digits, '.' and '-'"
        }
        guard let first = bytes.first, let last = bytes.last, isLetterOrDigit(first), isLetterOrDigit(last) else {
            return "bucket names start and end with a lowercase letter or a digit"
        }
        guard !name.contains("..") else { return "bucket names have no two adjacent '.'" }
        let parts = name.split(separator: ".", omittingEmptySubsequences: false)
        if parts.count == 4, parts.allSatisfy({ part in part.utf8.allSatisfy { (48...57).contains($0) } }) {
            return "bucket names are not IP addresses"
        }
        return nil
    }
}
