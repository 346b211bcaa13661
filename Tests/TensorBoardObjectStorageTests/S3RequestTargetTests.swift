// S3RequestTargetTests.swift: addressing cases the boto3 fixtures do not reach.

import Testing

@testable import TensorBoardObjectStorage

/// ``S3RequestTarget`` for a bucket's root, and the URL built from a signature (what is signed is what is
/// sent). The common cases are checked against boto3 in `S3ConfigurationBoto3Tests`.
struct S3RequestTargetTests {
    /// A bucket's root is `/` virtual-hosted and `/bucket` path style.
    @Test func bucketRootPaths() throws {
        let root = try S3Location(parsing: "s3://my-logs")
        #expect(S3RequestTarget(location: root, region: "eu-west-1", endpoint: nil).path == "/")
        let endpoint = try S3Endpoint(parsing: "http://localhost:8000", source: "test")
        #expect(S3RequestTarget(location: root, region: "eu-west-1", endpoint: endpoint).path == "/my-logs")
    }

    /// The URL is the target's scheme and host with the signature's encoded path and sorted query.
    @Test func urlUsesThePathAndQueryAsSigned() throws {
        let location = try S3Location(parsing: "s3://my-logs")
        let target = S3RequestTarget(location: location, region: "eu-west-1", endpoint: nil)
        let request = SignableRequest(
            method: "GET",
            host: target.host,
            path: target.path,
            query: [("prefix", "runs/a b/"), ("list-type", "2"), ("delimiter", "/")]
        )
        let signer = SigV4Signer(
            credentials: AWSCredentials(accessKeyID: "AKID", secretAccessKey: "secret"),
            region: "eu-west-1"
        )
        let signature = signer.sign(request, at: SigningTime(secondsSince1970: 0))
        #expect(
            target.url(for: signature)
                == "https://my-logs.s3.eu-west-1.amazonaws.com/?delimiter=%2F&list-type=2&prefix=runs%2Fa%20b%2F"
        )
    }
}
