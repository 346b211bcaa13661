// Digests.swift: SHA-256 and HMAC-SHA256, from libcrypto on Linux and CryptoKit on Apple platforms.

#if canImport(CryptoKit)
import CryptoKit
#elseif canImport(CLibCrypto)
import CLibCrypto
#else
#error("TensorBoardObjectStorage needs CryptoKit or OpenSSL's libcrypto (Debian: libssl-dev) for SHA-256")
#endif

/// SHA-256 and HMAC-SHA256 (RFC 2104) as Signature Version 4 uses them, computed by a maintained crypto library
/// and never by hand: OpenSSL's libcrypto on Linux, CryptoKit on Apple platforms. Both are one-shot over bytes
/// in memory; both return the 32-byte digest.
///
/// The CryptoKit branch is not built by the Linux CI; it is kept to the two calls CryptoKit documents.
package enum Digests {
    /// The length of a SHA-256 digest in bytes.
    package static let sha256Length = 32

    /// The SHA-256 digest of `bytes`.
    package static func sha256(_ bytes: [UInt8]) -> [UInt8] {
        #if canImport(CryptoKit)
        return Array(SHA256.hash(data: bytes))
        #else
        var digest = [UInt8](repeating: 0, count: sha256Length)
        bytes.withUnsafeBufferPointer { input in
            digest.withUnsafeMutableBufferPointer { output in
                _ = SHA256(input.baseAddress, input.count, output.baseAddress)
            }
        }
        return digest
        #endif
    }

    /// The HMAC-SHA256 of `message` under `key`.
    package static func hmacSHA256(key: [UInt8], message: [UInt8]) -> [UInt8] {
        #if canImport(CryptoKit)
        return Array(HMAC<SHA256>.authenticationCode(for: message, using: SymmetricKey(data: key)))
        #else
        var digest = [UInt8](repeating: 0, count: sha256Length)
        var length: UInt32 = 0
        key.withUnsafeBufferPointer { keyBytes in
            message.withUnsafeBufferPointer { input in
                digest.withUnsafeMutableBufferPointer { output in
                    // The key is at most a few hundred bytes (an AWS secret, or a 32-byte derived key), so its
                    // length always fits the C API's Int32.
                    _ = HMAC(
                        EVP_sha256(),
                        keyBytes.baseAddress,
                        Int32(clamping: keyBytes.count),
                        input.baseAddress,
                        input.count,
                        output.baseAddress,
                        &length
                    )
                }
            }
        }
        return digest
        #endif
    }

    /// `bytes` as lowercase hexadecimal, two digits a byte, as Signature Version 4 writes hashes and signatures.
    package static func hex(_ bytes: [UInt8]) -> String {
        let digits = Array("0123456789abcdef".utf8)
        var text = [UInt8]()
        text.reserveCapacity(bytes.count * 2)
        for byte in bytes {
            text.append(digits[Int(byte >> 4)])
            text.append(digits[Int(byte & 0x0F)])
        }
        return String(decoding: text, as: UTF8.self)
    }
}
