// SigV4Signer.swift: AWS Signature Version 4 (AWS4-HMAC-SHA256) for requests signed in the Authorization header.

/// Signs requests with AWS Signature Version 4 in the `Authorization` header, as S3 and S3-compatible stores
/// (Ceph's RADOS Gateway, MinIO) check it.
///
/// Steps, as AWS documents them: the ``CanonicalRequest``; the string to sign (algorithm, timestamp, scope
/// `<date>/<region>/<service>/aws4_request`, the canonical request's SHA-256); the signing key
/// `HMAC(HMAC(HMAC(HMAC("AWS4" + secret, date), region), service), "aws4_request")`; the signature, the
/// string to sign's HMAC under that key. The signer adds `x-amz-date`, `x-amz-content-sha256` (which S3 requires
/// on every request; other services do not take it) and, for temporary credentials, `x-amz-security-token`,
/// and signs them with the request's own headers.
///
/// Signing is a pure function of the request, the credentials and the time: the same inputs give the same
/// signature, which is what lets the tests compare it with AWS's published ones.
package struct SigV4Signer: Sendable {
    /// The credentials that sign.
    package var credentials: AWSCredentials
    /// The region in the scope, such as `us-east-1` (S3-compatible stores accept the one they are configured for).
    package var region: String
    /// The service in the scope: `s3`.
    package var service: String
    /// Whether the signer adds and signs `x-amz-content-sha256` (S3 requires it).
    package var sendsContentHash: Bool

    /// The algorithm's name, the first word of the `Authorization` header and of the string to sign.
    package static let algorithm = "AWS4-HMAC-SHA256"

    /// Creates a signer.
    /// - Parameters:
    ///   - credentials: The credentials that sign.
    ///   - region: The region in the scope.
    ///   - service: The service in the scope; `s3` unless testing against AWS's generic examples.
    ///   - sendsContentHash: Whether to add and sign `x-amz-content-sha256`; `true` for S3.
    package init(credentials: AWSCredentials, region: String, service: String = "s3", sendsContentHash: Bool = true) {
        self.credentials = credentials
        self.region = region
        self.service = service
        self.sendsContentHash = sendsContentHash
    }

    /// Signs `request` as made at `time`.
    /// - Parameters:
    ///   - request: The request; headers it gives under the names the signer adds (and `host`) are replaced.
    ///   - time: The signing time; servers reject a request signed more than 15 minutes from their clock.
    /// - Returns: The headers to add, the path and query to send, and the texts that made the signature.
    package func sign(_ request: SignableRequest, at time: SigningTime) -> SigV4Signature {
        var added: [(name: String, value: String)] = [("x-amz-date", time.timestamp)]
        if sendsContentHash { added.append(("x-amz-content-sha256", request.payloadHash.value)) }
        if let token = credentials.sessionToken { added.append(("x-amz-security-token", token)) }
        let canonical = CanonicalRequest(request, addedHeaders: added)

        let scope = "\(time.date)/\(region)/\(service)/aws4_request"
        let canonicalHash = Digests.hex(Digests.sha256(Array(canonical.text.utf8)))
        let stringToSign = [Self.algorithm, time.timestamp, scope, canonicalHash].joined(separator: "\n")
        let signature = Digests.hex(
            Digests.hmacSHA256(key: signingKey(date: time.date), message: Array(stringToSign.utf8))
        )
        let authorization =
            "\(Self.algorithm) Credential=\(credentials.accessKeyID)/\(scope), "
            + "SignedHeaders=\(canonical.signedHeaders), Signature=\(signature)"
        return SigV4Signature(
            canonicalRequest: canonical,
            stringToSign: stringToSign,
            signature: signature,
            authorization: authorization,
            addedHeaders: added + [("Authorization", authorization)]
        )
    }

    /// The signing key for `date` (`YYYYMMDD`): the HMAC chain from `"AWS4" + secret` through the date, the
    /// region, the service and `aws4_request`. It depends on no request, so a client may keep it for the day.
    package func signingKey(date: String) -> [UInt8] {
        var key = Array("AWS4\(credentials.secretAccessKey)".utf8)
        for part in [date, region, service, "aws4_request"] {
            key = Digests.hmacSHA256(key: key, message: Array(part.utf8))
        }
        return key
    }
}
