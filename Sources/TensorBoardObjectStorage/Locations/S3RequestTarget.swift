// S3RequestTarget.swift: where a request for a bucket or an object goes, on AWS or a custom endpoint.

/// Where a request about an S3 location is sent: the scheme, the `Host` header and the (decoded) path, by the
/// addressing rules botocore follows by default.
///
/// - On AWS (no custom endpoint): virtual-hosted style, `https://<bucket>.s3.<region>.amazonaws.com/<key>`
///   (`amazonaws.com.cn` for the `cn-` regions), except for bucket names with a `.`, which would not match the
///   `*.s3.<region>.amazonaws.com` certificate and so take path style on the same host,
///   `https://s3.<region>.amazonaws.com/<bucket>/<key>`.
/// - On a custom endpoint: path style, `<endpoint>/<bucket>/<key>`, as botocore uses whenever an endpoint URL is
///   given (its `addressing_style` setting is not read here).
package struct S3RequestTarget: Sendable, Equatable {
    /// `https`, or the custom endpoint's scheme.
    package let scheme: String
    /// The `Host` header's value (with a non-default port).
    package let host: String
    /// The path, decoded, starting with `/`: `/<key>` virtual-hosted, `/<bucket>/<key>` path style (`/<bucket>`
    /// for the bucket itself).
    package let path: String
    /// Whether the bucket is in the host name rather than the path.
    package let isVirtualHosted: Bool

    /// The target of a request about `location`.
    /// - Parameters:
    ///   - location: The bucket and key (an empty key for a request about the bucket, such as a listing).
    ///   - region: The region, for AWS's host names.
    ///   - endpoint: The custom endpoint, or `nil` for AWS.
    package init(location: S3Location, region: String, endpoint: S3Endpoint?) {
        if let endpoint {
            scheme = endpoint.scheme
            host = endpoint.hostHeader
            path = "/" + location.bucket + (location.key.isEmpty ? "" : "/" + location.key)
            isVirtualHosted = false
            return
        }
        let domain = region.hasPrefix("cn-") ? "amazonaws.com.cn" : "amazonaws.com"
        scheme = "https"
        isVirtualHosted = !location.bucket.contains(".")
        if isVirtualHosted {
            host = "\(location.bucket).s3.\(region).\(domain)"
            path = "/" + location.key
        } else {
            host = "s3.\(region).\(domain)"
            path = "/" + location.bucket + (location.key.isEmpty ? "" : "/" + location.key)
        }
    }

    /// The URL to send a request to, from the path and query exactly as signed.
    /// - Parameter signature: The request's signature (``SigV4Signature/encodedPath`` and
    ///   ``SigV4Signature/encodedQuery``).
    package func url(for signature: SigV4Signature) -> String {
        let query = signature.encodedQuery.isEmpty ? "" : "?" + signature.encodedQuery
        return "\(scheme)://\(host)\(signature.encodedPath)\(query)"
    }
}
