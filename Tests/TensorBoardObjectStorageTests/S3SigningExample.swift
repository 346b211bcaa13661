// S3SigningExample.swift: one of the S3 API Reference's Signature Version 4 examples, read from
// fixtures/sigv4/s3-examples.json.

import Foundation
import TestSupport

@testable import TensorBoardObjectStorage

/// One worked example from the S3 API Reference's "Examples: Signature Calculations": the request and the
/// canonical request, string to sign, signature and `Authorization` header AWS publishes for it.
struct S3SigningExample: Sendable, CustomStringConvertible {
    /// The example's heading, such as `GET Object`.
    let name: String
    /// The request.
    let request: SignableRequest
    /// The signer, with AWS's example credentials and region.
    let signer: SigV4Signer
    /// The example's time, 2013-05-24T00:00:00Z, as Foundation parses it.
    let time: SigningTime
    /// The published SHA-256 of the body.
    let payloadHash: String
    /// The published canonical request.
    let canonicalRequest: String
    /// The published string to sign.
    let stringToSign: String
    /// The published signature.
    let signature: String
    /// The published `Authorization` value.
    let authorization: String

    var description: String { name }

    /// The file's layout.
    private struct File: Decodable {
        struct Example: Decodable {
            let name, method, host, path, body, payload_hash, canonical_request, string_to_sign, signature,
                authorization: String
            let query, headers: [[String]]
        }
        let access_key_id, secret_access_key, timestamp, region, service: String
        let examples: [Example]
    }

    /// Every example in the file; empty when it cannot be read.
    static let all: [S3SigningExample] = {
        let path = packageRoot + "/fixtures/sigv4/s3-examples.json"
        guard let data = FileManager.default.contents(atPath: path),
            let file = try? JSONDecoder().decode(File.self, from: data),
            let date = ISO8601DateFormatter().date(from: file.timestamp)
        else { return [] }
        let signer = SigV4Signer(
            credentials: AWSCredentials(accessKeyID: file.access_key_id, secretAccessKey: file.secret_access_key),
            region: file.region,
            service: file.service
        )
        return file.examples.map { example in
            S3SigningExample(
                name: example.name,
                request: SignableRequest(
                    method: example.method,
                    host: example.host,
                    path: example.path,
                    query: example.query.map { ($0.first ?? "", $0.last ?? "") },
                    headers: example.headers.map { ($0.first ?? "", $0.last ?? "") },
                    payloadHash: .of(Array(example.body.utf8))
                ),
                signer: signer,
                time: SigningTime(secondsSince1970: Int64(date.timeIntervalSince1970)),
                payloadHash: example.payload_hash,
                canonicalRequest: example.canonical_request,
                stringToSign: example.string_to_sign,
                signature: example.signature,
                authorization: example.authorization
            )
        }
    }()
}
