// URIEncoding.swift: percent-encoding as Signature Version 4 and S3 define it.

/// Percent-encoding as Signature Version 4 defines it for S3: every byte of the UTF-8 form is written `%XY`
/// (uppercase hexadecimal) except the unreserved characters `A–Z a–z 0–9 - . _ ~`, and, in a path, `/`.
///
/// S3 encodes a path once and does not normalise it (`//`, `.` and `..` are parts of an object key), unlike the
/// other AWS services, which encode the path twice; query names and values are encoded once everywhere, with
/// `/` encoded.
package enum URIEncoding {
    /// `text` encoded; `/` is kept when `keepingSlashes` (a path) and encoded otherwise (a query name or value).
    package static func encode(_ text: String, keepingSlashes: Bool) -> String {
        let hexDigits = Array("0123456789ABCDEF".utf8)
        var encoded = [UInt8]()
        encoded.reserveCapacity(text.utf8.count)
        for byte in text.utf8 {
            if isUnreserved(byte) || (keepingSlashes && byte == UInt8(ascii: "/")) {
                encoded.append(byte)
            } else {
                encoded.append(UInt8(ascii: "%"))
                encoded.append(hexDigits[Int(byte >> 4)])
                encoded.append(hexDigits[Int(byte & 0x0F)])
            }
        }
        return String(decoding: encoded, as: UTF8.self)
    }

    /// Whether `byte` is one of RFC 3986's unreserved characters, which are never encoded.
    private static func isUnreserved(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
            UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"),
            UInt8(ascii: "~"):
            return true
        default:
            return false
        }
    }
}
