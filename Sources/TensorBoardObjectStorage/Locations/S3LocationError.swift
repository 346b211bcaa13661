// S3LocationError.swift: why a text is not an s3://bucket/prefix location.

/// Why a text is not an `s3://bucket/prefix` location. ``description`` names the text, says what is allowed and
/// what was received.
package struct S3LocationError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What is wrong.
    package enum Code: Sendable, Equatable {
        /// The text does not start with `s3://`.
        case notAnS3URL
        /// Nothing between `s3://` and the first `/`.
        case missingBucket
        /// The bucket name breaks S3's naming rules (``S3Location/bucketNameProblem(_:)`` says which).
        case invalidBucketName(bucket: String, rule: String)
        /// The key is longer than S3's 1024 bytes of UTF-8.
        case keyTooLong(bytes: Int)
    }

    /// What is wrong.
    package var code: Code
    /// The text received.
    package var text: String

    /// Creates an error.
    /// - Parameters:
    ///   - code: What is wrong.
    ///   - text: The text received.
    package init(_ code: Code, text: String) {
        self.code = code
        self.text = text
    }

    /// `text: reason. Received: …`.
    package var description: String {
        switch code {
        case .notAnS3URL: return "\(text): an S3 location must start with s3:// (as s3://bucket/prefix)"
        case .missingBucket: return "\(text): an S3 location must name a bucket after s3:// (as s3://bucket/prefix)"
        case .invalidBucketName(let bucket, let rule):
            return "\(text): not a valid bucket name: \(rule). Received: bucket=\(bucket)"
        case .keyTooLong(let bytes):
            return "\(text): an S3 key must be at most 1024 bytes of UTF-8. Received: \(bytes) bytes"
        }
    }
}
