// SigV4SignerTests.swift: the signer against AWS's published Signature Version 4 examples.

import Foundation
import TestSupport
import Testing

@testable import TensorBoardObjectStorage

/// The signer against AWS's own examples: the generic Signature Version 4 test suite (fixtures/sigv4/aws-c-auth,
/// the cases whose rules S3 shares) and the S3 API Reference's four worked examples (fixtures/sigv4/
/// s3-examples.json). Each step is compared, so that a wrong canonical request is reported as that rather than
/// as a wrong signature.
struct SigV4SignerTests {
    /// Every stored case of the suite is there to be run (31 of the suite's 38; fixtures/README.md says why
    /// the other 7 are left out).
    @Test func suiteCasesAreAllPresent() {
        #expect(SigV4TestSuiteCase.names.count == 31)
    }

    /// Each suite case: canonical request, string to sign, signature and `Authorization` header.
    @Test(arguments: SigV4TestSuiteCase.names)
    func signsLikeTheAWSTestSuite(name: String) throws {
        let suiteCase = try #require(SigV4TestSuiteCase.load(name))
        let signed = suiteCase.signer.sign(suiteCase.request, at: suiteCase.time)
        #expect(signed.canonicalRequest.text == suiteCase.canonicalRequest)
        #expect(signed.stringToSign == suiteCase.stringToSign)
        #expect(signed.signature == suiteCase.signature)
        #expect(signed.authorization == suiteCase.authorization)
    }

    /// The S3 API Reference's examples: GET Object with a range, PUT Object with a body and a key needing
    /// encoding, GET Bucket Lifecycle (a parameter without a value) and List Objects (two parameters).
    @Test(arguments: S3SigningExample.all)
    func signsLikeTheS3Documentation(example: S3SigningExample) {
        let signed = example.signer.sign(example.request, at: example.time)
        #expect(example.request.payloadHash.value == example.payloadHash)
        #expect(signed.canonicalRequest.text == example.canonicalRequest)
        #expect(signed.stringToSign == example.stringToSign)
        #expect(signed.signature == example.signature)
        // The documentation writes the header without spaces after its commas; S3 accepts both.
        #expect(signed.authorization.replacingOccurrences(of: ", ", with: ",") == example.authorization)
        #expect(signed.addedHeaders.map(\.name) == ["x-amz-date", "x-amz-content-sha256", "Authorization"])
    }

    /// The four S3 examples are all read.
    @Test func s3ExamplesAreAllPresent() {
        #expect(
            S3SigningExample.all.map(\.name) == [
                "GET Object", "PUT Object", "GET Bucket Lifecycle", "Get Bucket (List Objects)",
            ]
        )
    }

    /// `UNSIGNED-PAYLOAD` replaces the hash both in the header and in the canonical request's last line.
    @Test func unsignedPayloadIsSignedAsTheLiteral() throws {
        let example = try #require(S3SigningExample.all.first)
        var request = example.request
        request.payloadHash = .unsigned
        let signed = example.signer.sign(request, at: example.time)
        #expect(
            signed.canonicalRequest.text.hasSuffix(
                "\nx-amz-date:20130524T000000Z\n\n"
                    + "host;range;x-amz-content-sha256;x-amz-date\nUNSIGNED-PAYLOAD"
            )
        )
        #expect(signed.addedHeaders.contains { $0 == ("x-amz-content-sha256", "UNSIGNED-PAYLOAD") })
    }

    /// A session token is added as `x-amz-security-token`, signed, and sent.
    @Test func sessionTokenIsSignedAndSent() throws {
        let example = try #require(S3SigningExample.all.first)
        var signer = example.signer
        signer.credentials.sessionToken = "token/with+symbols="
        let signed = signer.sign(example.request, at: example.time)
        #expect(
            signed.canonicalRequest.signedHeaders == "host;range;x-amz-content-sha256;x-amz-date;x-amz-security-token"
        )
        #expect(signed.canonicalRequest.text.contains("\nx-amz-security-token:token/with+symbols=\n"))
        #expect(
            signed.addedHeaders.map(\.name)
                == ["x-amz-date", "x-amz-content-sha256", "x-amz-security-token", "Authorization"]
        )
        #expect(signed.signature != example.signature)
    }

    /// S3 keys are encoded once, with `/` kept and every other reserved byte escaped, and never normalised.
    @Test(arguments: [
        ("/a b/c+d", "/a%20b/c%2Bd"),
        ("/runs/./x//y/../z", "/runs/./x//y/../z"),
        ("/caf\u{E9}/\u{1F600}", "/caf%C3%A9/%F0%9F%98%80"),
        ("/events.out.tfevents.1700000000.host:1", "/events.out.tfevents.1700000000.host%3A1"),
        ("/a%2Fb", "/a%252Fb"),
        ("", "/"),
    ])
    func encodesS3PathsOnce(path: String, encoded: String) throws {
        let example = try #require(S3SigningExample.all.first)
        let request = SignableRequest(method: "GET", host: example.request.host, path: path)
        #expect(example.signer.sign(request, at: example.time).encodedPath == encoded)
    }
}
