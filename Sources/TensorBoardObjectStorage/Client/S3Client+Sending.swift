// S3Client+Sending.swift: signing and sending one S3 request, with retries, and reading its failures.

extension S3Client {
    /// Sends one request for `location`, signed afresh for each attempt, retrying transient failures (5xx, 429,
    /// no response) as ``retryPolicy`` says.
    /// - Parameters:
    ///   - method: The HTTP method.
    ///   - location: The bucket (empty key) or object.
    ///   - query: Query parameters, decoded (the signature encodes them).
    ///   - headers: Headers to sign and send, such as `Range`.
    ///   - body: The body; its SHA-256 is the signed payload hash.
    /// - Returns: The last response, whatever its status, and how many requests were sent.
    /// - Throws: ``ObjectStoreError`` `.transport` when the last attempt got no response.
    func send(
        _ method: String,
        _ location: S3Location,
        query: [(name: String, value: String)] = [],
        headers: [(name: String, value: String)] = [],
        body: [UInt8] = []
    ) throws(ObjectStoreError) -> (response: HTTPResponse, attempts: Int) {
        let target = configuration.target(for: location)
        // URL parsing or curl resolves `.` and `..` segments, so the path sent would not be the path signed (or
        // the object meant): refuse such keys as S3 would refuse a bad key, before sending.
        if target.path.split(separator: "/", omittingEmptySubsequences: false).contains(where: {
            $0 == "." || $0 == ".."
        }) {
            let message = "keys with '.' or '..' path segments cannot be sent: the HTTP stack resolves them"
            let code = ObjectStoreError.Code.server(status: 400, serverCode: "InvalidArgument", message: message)
            throw ObjectStoreError(code, location: "\(location)")
        }
        let signer = configuration.signer
        let signable = SignableRequest(
            method: method,
            host: target.host,
            path: target.path,
            query: query,
            headers: headers,
            payloadHash: PayloadHash.of(body)
        )
        var attempt = 0
        while true {
            attempt += 1
            let signature = signer.sign(signable, at: clock())
            let request = HTTPRequest(
                method: method,
                url: target.url(for: signature),
                headers: headers + signature.addedHeaders,
                body: body
            )
            let canRetry = attempt < retryPolicy.maximumAttempts
            do {
                let response = try transport.send(request)
                guard RetryPolicy.isTransient(status: response.status), canRetry else {
                    return (response, attempt)
                }
            } catch {
                guard canRetry else {
                    throw ObjectStoreError(.transport(reason: error.reason), location: "\(location)", attempts: attempt)
                }
            }
            retryPolicy.sleep(retryPolicy.delay(beforeRetry: attempt - 1))
        }
    }

    /// The error for a response that is not a success: 403 is a refusal of this configuration's access key id,
    /// 404 `NoSuchBucket` a missing bucket, 404 `NoSuchKey` (or 404 without a code, as for `HEAD`) a missing object
    /// (a missing bucket when `forBucket`), a redirect a server error naming the bucket's region or the new
    /// location, anything else a server error with S3's code and message.
    func failure(
        _ response: HTTPResponse,
        location: String,
        attempts: Int,
        forBucket: Bool = false
    ) -> ObjectStoreError {
        let parsed = S3ErrorResponse(parsing: response.body)
        let code: ObjectStoreError.Code
        switch (response.status, parsed.code) {
        case (403, _):
            code = .accessDenied(
                accessKeyID: configuration.credentials.accessKeyID,
                serverCode: parsed.code,
                message: parsed.message
            )
        case (404, "NoSuchBucket"): code = .noSuchBucket
        case (404, "NoSuchKey"): code = .noSuchKey
        case (404, ""): code = forBucket ? .noSuchBucket : .noSuchKey
        case (300..<400, _):
            // Redirects are not followed (the signature is for this host); say where S3 points to.
            let region = response.header("x-amz-bucket-region").map { "the bucket is in region \($0)" }
            let target = response.header("Location").map { "redirected to \($0)" }
            let hint = [region, target].compactMap { $0 }.joined(separator: "; ")
            let message = [parsed.message, hint].filter { !$0.isEmpty }.joined(separator: "; ")
            code = .server(status: response.status, serverCode: parsed.code, message: message)
        default: code = .server(status: response.status, serverCode: parsed.code, message: parsed.message)
        }
        return ObjectStoreError(code, location: location, attempts: attempts)
    }

    /// The location of `key` in `bucket`; a name S3 would refuse is refused here as S3 would (HTTP 400), without
    /// sending anything.
    static func location(bucket: String, key: String) throws(ObjectStoreError) -> S3Location {
        do {
            return try S3Location(bucket: bucket, key: key)
        } catch {
            let code = ObjectStoreError.Code.server(status: 400, serverCode: "InvalidArgument", message: "\(error)")
            throw ObjectStoreError(code, location: "s3://\(bucket)/\(key)")
        }
    }
}
