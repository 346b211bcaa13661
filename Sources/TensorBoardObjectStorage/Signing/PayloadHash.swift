// PayloadHash.swift: what a signature says about the request body.

/// What a signed request says about its body, in the canonical request's last line and in S3's
/// `x-amz-content-sha256` header: the body's SHA-256, or `UNSIGNED-PAYLOAD`, which S3 accepts over HTTPS and
/// which leaves the body out of the signature.
package enum PayloadHash: Sendable, Equatable {
    /// The body is not signed: the literal `UNSIGNED-PAYLOAD`.
    case unsigned
    /// The body's SHA-256, as 64 lowercase hexadecimal digits.
    case sha256(hex: String)

    /// The SHA-256 of `body`.
    package static func of(_ body: [UInt8]) -> PayloadHash { .sha256(hex: Digests.hex(Digests.sha256(body))) }

    /// The SHA-256 of an empty body (`e3b0c442…b855`), what a GET, HEAD or DELETE signs.
    package static var empty: PayloadHash { of([]) }

    /// The value as the canonical request and `x-amz-content-sha256` write it.
    package var value: String {
        switch self {
        case .unsigned: return "UNSIGNED-PAYLOAD"
        case .sha256(let hex): return hex
        }
    }
}
