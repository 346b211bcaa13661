// DigestsTests.swift: SHA-256 and HMAC-SHA256 against their standards' published vectors.

import Testing

@testable import TensorBoardObjectStorage

/// SHA-256 (FIPS 180-4's examples, as NIST publishes them) and HMAC-SHA256 (RFC 4231's test cases).
struct DigestsTests {
    /// NIST's SHA-256 examples "abc" and the 448-bit two-block message, and the empty message.
    @Test(arguments: [
        ("", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
        ("abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
        (
            "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq",
            "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"
        ),
    ])
    func sha256MatchesNIST(message: String, digest: String) {
        #expect(Digests.hex(Digests.sha256(Array(message.utf8))) == digest)
    }

    /// RFC 4231 test cases 1, 2 and 6 (a key longer than the block size, which HMAC hashes first).
    @Test(arguments: [
        (
            [UInt8](repeating: 0x0b, count: 20), Array("Hi There".utf8),
            "b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7"
        ),
        (
            Array("Jefe".utf8), Array("what do ya want for nothing?".utf8),
            "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843"
        ),
        (
            [UInt8](repeating: 0xaa, count: 131), Array("Test Using Larger Than Block-Size Key - Hash Key First".utf8),
            "60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54"
        ),
    ])
    func hmacSHA256MatchesRFC4231(key: [UInt8], message: [UInt8], mac: String) {
        #expect(Digests.hex(Digests.hmacSHA256(key: key, message: message)) == mac)
    }
}
