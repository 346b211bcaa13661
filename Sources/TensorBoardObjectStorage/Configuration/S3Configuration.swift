// S3Configuration.swift: the credentials, region and endpoint that S3 requests are made with.

/// What S3 requests are made with: credentials, a region, and a custom endpoint or AWS, resolved from the
/// environment and the shared files as the AWS tools resolve them
/// (``resolve(environment:files:)``; the order is in the catalog's Configuration article).
///
/// Printing it shows the access key id but never the secret or the session token.
package struct S3Configuration: Sendable, Equatable, CustomStringConvertible {
    /// The profile whose settings were read: `AWS_PROFILE`, else `default`.
    package var profile: String
    /// The credentials.
    package var credentials: AWSCredentials
    /// The region, in the signature's scope and in AWS's host names.
    package var region: String
    /// The custom endpoint, or `nil` for AWS itself.
    package var endpoint: S3Endpoint?

    /// Creates a configuration from its parts.
    /// - Parameters:
    ///   - profile: The profile read.
    ///   - credentials: The credentials.
    ///   - region: The region.
    ///   - endpoint: The custom endpoint, or `nil` for AWS.
    package init(profile: String, credentials: AWSCredentials, region: String, endpoint: S3Endpoint?) {
        self.profile = profile
        self.credentials = credentials
        self.region = region
        self.endpoint = endpoint
    }

    /// Where a request about `location` goes.
    package func target(for location: S3Location) -> S3RequestTarget {
        S3RequestTarget(location: location, region: region, endpoint: endpoint)
    }

    /// A signer for S3 with these credentials and this region.
    package var signer: SigV4Signer { SigV4Signer(credentials: credentials, region: region, service: "s3") }

    /// `profile <name>, region <region>, endpoint <url or AWS>, <credentials>`.
    package var description: String {
        "profile \(profile), region \(region), endpoint \(endpoint.map { "\($0)" } ?? "AWS"), \(credentials)"
    }
}
