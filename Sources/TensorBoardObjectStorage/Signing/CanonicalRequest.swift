// CanonicalRequest.swift: the canonical request, the text whose hash a Signature Version 4 signature signs.

/// The canonical request of Signature Version 4, with S3's rules: six lines, the method, the path encoded once
/// and not normalised, the sorted query, the signed headers one a line, their names, and the payload hash.
///
/// ```
/// GET
/// /test.txt
///
/// host:examplebucket.s3.amazonaws.com
/// range:bytes=0-9
/// x-amz-content-sha256:e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855
/// x-amz-date:20130524T000000Z
///
/// host;range;x-amz-content-sha256;x-amz-date
/// e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855
/// ```
///
/// Header names are lowercased; values lose leading and trailing whitespace and have each run of inner
/// whitespace turned into one space (as botocore does); a name given more than once has its values joined by
/// commas in the order given; headers and query parameters are sorted by the bytes of their (encoded) names,
/// query parameters of the same name by value.
package struct CanonicalRequest: Sendable, Equatable {
    /// The path as sent and signed: ``URIEncoding`` with `/` kept; `/` for an empty path.
    package let encodedPath: String
    /// The query as sent and signed: `name=value` pairs, encoded and sorted, joined by `&`; empty for none.
    package let encodedQuery: String
    /// The signed headers' names, lowercased, sorted, joined by `;`.
    package let signedHeaders: String
    /// The whole canonical request, lines joined by `\n` with no final newline.
    package let text: String

    /// The canonical request of `request` with the signer's own headers added.
    /// - Parameters:
    ///   - request: The request; its `host` is signed as the `host` header.
    ///   - addedHeaders: The headers the signer adds (`x-amz-date`, `x-amz-content-sha256`,
    ///     `x-amz-security-token`); given ones of these names and `host` are replaced, not joined.
    package init(_ request: SignableRequest, addedHeaders: [(name: String, value: String)]) {
        let path = request.path.isEmpty ? "/" : request.path
        encodedPath = URIEncoding.encode(path, keepingSlashes: true)
        encodedQuery =
            request.query
            .map {
                (
                    URIEncoding.encode($0.name, keepingSlashes: false),
                    URIEncoding.encode($0.value, keepingSlashes: false)
                )
            }
            .sorted { left, right in
                left.0 == right.0 ? Self.precedes(left.1, right.1) : Self.precedes(left.0, right.0)
            }
            .map { "\($0.0)=\($0.1)" }
            .joined(separator: "&")

        let replaced = Set(["host"] + addedHeaders.map { Self.lowercased($0.name) })
        var values: [String: [String]] = [:]
        for (name, value) in [("host", request.host)]
            + request.headers.filter({ !replaced.contains(Self.lowercased($0.name)) })
            + addedHeaders
        {
            values[Self.lowercased(name), default: []].append(Self.trimmed(value))
        }
        let names = values.keys.sorted(by: Self.precedes)
        signedHeaders = names.joined(separator: ";")
        let headerLines = names.map { "\($0):\((values[$0] ?? []).joined(separator: ","))\n" }.joined()
        text = [
            request.method, encodedPath, encodedQuery, headerLines, signedHeaders, request.payloadHash.value,
        ].joined(separator: "\n")
    }

    /// Whether `left` sorts before `right` byte by byte (UTF-8), the order Signature Version 4 sorts in.
    private static func precedes(_ left: String, _ right: String) -> Bool {
        left.utf8.lexicographicallyPrecedes(right.utf8)
    }

    /// `name` with ASCII letters lowercased (header names are ASCII).
    private static func lowercased(_ name: String) -> String {
        String(decoding: name.utf8.map { (65...90).contains($0) ? $0 + 32 : $0 }, as: UTF8.self)
    }

    /// `value` without leading and trailing whitespace, each inner run of spaces, tabs and line breaks one space.
    private static func trimmed(_ value: String) -> String {
        value.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" }).joined(separator: " ")
    }
}
