// SigV4TestSuiteCase.swift: one case of AWS's Signature Version 4 test suite, read from
// fixtures/sigv4/aws-c-auth/<name>/ (copied from awslabs/aws-c-auth, tests/aws-signing-test-suite/v4).

import Foundation
import TestSupport

@testable import TensorBoardObjectStorage

/// One case of AWS's Signature Version 4 test suite: the request (`request.txt`, an HTTP/1.1 request as sent),
/// the signing context (`context.json`) and the expected canonical request, string to sign, signature and
/// `Authorization` header (`header-*.txt`).
struct SigV4TestSuiteCase: Sendable, CustomStringConvertible {
    /// The case's directory name, such as `get-vanilla`.
    let name: String
    /// The request to sign, built from `request.txt`.
    let request: SignableRequest
    /// The signer `context.json` describes.
    let signer: SigV4Signer
    /// The signing time, `context.json`'s `timestamp` as Foundation parses it.
    let time: SigningTime
    /// The expected canonical request (`header-canonical-request.txt`).
    let canonicalRequest: String
    /// The expected string to sign (`header-string-to-sign.txt`).
    let stringToSign: String
    /// The expected signature (`header-signature.txt`).
    let signature: String
    /// The expected `Authorization` value, from `header-signed-request.txt`.
    let authorization: String

    var description: String { name }

    /// The suite's directory.
    static let directory = packageRoot + "/fixtures/sigv4/aws-c-auth"

    /// The names of the cases stored, sorted; empty when the directory cannot be listed.
    static let names: [String] = ((try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []).sorted()

    /// `context.json`.
    private struct Context: Decodable {
        struct Credentials: Decodable {
            let access_key_id: String
            let secret_access_key: String
            let token: String?
        }
        let credentials: Credentials
        let region: String
        let service: String
        let sign_body: Bool
        let timestamp: String
    }

    /// Reads the case `name`; `nil` when a file is missing or unreadable.
    static func load(_ name: String) -> SigV4TestSuiteCase? {
        let base = directory + "/" + name + "/"
        func text(_ file: String) -> String? { try? String(contentsOfFile: base + file, encoding: .utf8) }
        guard let contextText = text("context.json"), let requestText = text("request.txt"),
            let canonical = text("header-canonical-request.txt"), let toSign = text("header-string-to-sign.txt"),
            let signature = text("header-signature.txt"), let signed = text("header-signed-request.txt"),
            let context = try? JSONDecoder().decode(Context.self, from: Data(contextText.utf8)),
            let date = ISO8601DateFormatter().date(from: context.timestamp),
            let request = parseRequest(requestText)
        else { return nil }
        let authorization =
            signed.split(separator: "\n").first { $0.hasPrefix("Authorization:") }
            .map { String($0.dropFirst("Authorization:".count)) } ?? ""
        let credentials = AWSCredentials(
            accessKeyID: context.credentials.access_key_id,
            secretAccessKey: context.credentials.secret_access_key,
            sessionToken: context.credentials.token
        )
        return SigV4TestSuiteCase(
            name: name,
            request: request,
            signer: SigV4Signer(
                credentials: credentials,
                region: context.region,
                service: context.service,
                sendsContentHash: context.sign_body
            ),
            time: SigningTime(secondsSince1970: Int64(date.timeIntervalSince1970)),
            canonicalRequest: canonical,
            stringToSign: toSign,
            signature: signature.trimmingCharacters(in: .whitespacesAndNewlines),
            authorization: authorization
        )
    }

    /// An HTTP/1.1 request as the suite writes it: the request line, `Name:value` headers (a line starting with
    /// whitespace continues the previous value), an empty line and the body. The path and query are
    /// percent-decoded, since the signer takes them decoded; the `Host` header becomes the request's host.
    private static func parseRequest(_ text: String) -> SignableRequest? {
        let parts = text.components(separatedBy: "\n\n")
        var lines = parts[0].components(separatedBy: "\n")
        let body = parts.dropFirst().joined(separator: "\n\n")
        let requestLine = lines.removeFirst()
        guard let space = requestLine.firstIndex(of: " "), requestLine.hasSuffix(" HTTP/1.1") else { return nil }
        let method = String(requestLine[..<space])
        let target = String(requestLine[requestLine.index(after: space)...].dropLast(" HTTP/1.1".count))
        let pathAndQuery = target.split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false)
        var query: [(name: String, value: String)] = []
        if pathAndQuery.count == 2 {
            for item in pathAndQuery[1].split(separator: "&") {
                let pair = item.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
                query.append((decoded(pair[0]), pair.count == 2 ? decoded(pair[1]) : ""))
            }
        }
        var headers: [(name: String, value: String)] = []
        for line in lines where !line.isEmpty {
            if line.first == " " || line.first == "\t", let last = headers.popLast() {
                headers.append((last.name, last.value + "\n" + line))
            } else if let colon = line.firstIndex(of: ":") {
                headers.append((String(line[..<colon]), String(line[line.index(after: colon)...])))
            }
        }
        guard let host = headers.first(where: { $0.name.lowercased() == "host" })?.value else { return nil }
        return SignableRequest(
            method: method,
            host: host,
            path: decoded(pathAndQuery[0]),
            query: query,
            headers: headers.filter { $0.name.lowercased() != "host" },
            payloadHash: .of(Array(body.utf8))
        )
    }

    /// `text` percent-decoded (left as it is when it holds no valid escape).
    private static func decoded(_ text: Substring) -> String { String(text).removingPercentEncoding ?? String(text) }
}
