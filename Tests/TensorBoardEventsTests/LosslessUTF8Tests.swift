import TestSupport
import Testing

@testable import TensorBoardEvents

/// Names and tags that are not valid UTF-8 decode to strings that encode back to the same bytes, and two
/// different byte strings never decode to the same string.
@Suite struct LosslessUTF8Tests {
    static let cases: [(bytes: [UInt8], valid: Bool)] = [
        (Array("loss".utf8), true), (Array("日本語/損失 é".utf8), true), ([], true), ([0x6C, 0xFF], false),
        ([0x6C, 0xFE], false), ([0xC0, 0x80], false),  // an overlong NUL
        ([0xED, 0xA0, 0x80], false),  // a surrogate
        ([0xF4, 0x90, 0x80, 0x80], false),  // above U+10FFFF
        ([0xE6, 0x97], false),  // a truncated sequence
        ([0x80, 0x61], false),  // a lone continuation byte
        ([0xEF, 0x9E, 0x80], true),  // U+F780, valid, but one of the escapes: escaped to stay one-to-one
        ([0xF0, 0x9F, 0x98, 0x80], true),
    ]

    @Test(arguments: cases)
    func decodesAndEncodesBackToTheSameBytes(bytes: [UInt8], valid: Bool) {
        let text = LosslessUTF8.decode(bytes)
        #expect(LosslessUTF8.encode(text) == bytes)
        #expect(LosslessUTF8.decode(LosslessUTF8.encode(text)) == text)
        let escaped = LosslessUTF8.containsEscapes(text)
        #expect(escaped == (!valid || bytes == [0xEF, 0x9E, 0x80]))
        if !escaped { #expect(text == String(decoding: bytes, as: UTF8.self)) }
        let viaCString = LosslessUTF8.withCString(text) { pointer in
            (0..<bytes.count).map { UInt8(bitPattern: pointer[$0]) } + [UInt8(bitPattern: pointer[bytes.count])]
        }
        #expect(viaCString == bytes + [0])
    }

    @Test func differentBytesNeverDecodeToTheSameString() {
        var generator = SplitMix64(seed: 13)
        var seen: [String: [UInt8]] = [:]
        for _ in 0..<20_000 {
            let count = Int(generator.next() % 6)
            let bytes = (0..<count).map { _ in
                UInt8(truncatingIfNeeded: generator.next() % 4 == 0 ? 0x61 : generator.next() | 0x80)
            }
            let text = LosslessUTF8.decode(bytes)
            #expect(LosslessUTF8.encode(text) == bytes)
            if let other = seen[text] { #expect(other == bytes) }
            seen[text] = bytes
        }
        #expect(seen.count > 1000)
    }
}
