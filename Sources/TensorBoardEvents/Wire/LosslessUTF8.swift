// LosslessUTF8.swift: bytes that should be UTF-8 (file names, tags) as strings, without losing a byte.

/// Turns bytes that are meant to be UTF-8 but may not be (names on disk, tags written by other tools) into a
/// `String` and back without losing anything, so that two names whose bytes differ stay two names.
///
/// Valid UTF-8 decodes as usual. Each byte that does not start a valid sequence becomes the private-use scalar
/// U+F700 + byte (U+F780 to U+F7FF: only bytes 0x80 to 0xFF can be invalid), and decoding goes on with the next
/// byte; so that the map stays one-to-one, the bytes of a valid encoding of one of those scalars are escaped
/// the same way. ``encode(_:)`` undoes ``decode(_:)`` exactly; display code shows each escape as `\xNN`.
package enum LosslessUTF8 {
    /// The scalars that stand for single bytes.
    package static let escapes: ClosedRange<UInt32> = 0xF780...0xF7FF

    /// The bytes as a string: valid UTF-8 as is, every other byte as its escape.
    package static func decode(_ bytes: some Collection<UInt8>) -> String {
        if let text = String(validating: bytes, as: UTF8.self), !containsEscapes(text) { return text }
        let bytes = Array(bytes)
        var scalars = String.UnicodeScalarView()
        var index = 0
        while index < bytes.count {
            let length = sequenceLength(bytes, at: index)
            if length > 0, let scalar = scalar(bytes, at: index, length: length), !escapes.contains(scalar.value) {
                scalars.append(scalar)
                index += length
            } else {
                scalars.append(escape(bytes[index]))
                index += 1
            }
        }
        return String(scalars)
    }

    /// The bytes `text` was decoded from: its UTF-8, with each escape turned back into its byte.
    package static func encode(_ text: String) -> [UInt8] {
        guard containsEscapes(text) else { return Array(text.utf8) }
        var bytes: [UInt8] = []
        for scalar in text.unicodeScalars {
            if let byte = escapedByte(scalar) {
                bytes.append(byte)
            } else {
                bytes.append(contentsOf: String(scalar).utf8)
            }
        }
        return bytes
    }

    /// Calls `body` with the bytes of `path` (``encode(_:)``) as a NUL-terminated C string, for system calls.
    package static func withCString<Result>(_ path: String, _ body: (UnsafePointer<CChar>) -> Result) -> Result {
        guard containsEscapes(path) else { return path.withCString(body) }
        let bytes = encode(path).map { CChar(bitPattern: $0) } + [0]
        return bytes.withUnsafeBufferPointer { buffer in
            // The buffer is never empty: it holds at least the terminating NUL.
            guard let base = buffer.baseAddress else { return "".withCString(body) }
            return body(base)
        }
    }

    /// The byte an escape stands for, or `nil` for any other scalar.
    package static func escapedByte(_ scalar: Unicode.Scalar) -> UInt8? {
        escapes.contains(scalar.value) ? UInt8(truncatingIfNeeded: scalar.value - 0xF700) : nil
    }

    /// Whether `text` holds an escape.
    package static func containsEscapes(_ text: String) -> Bool {
        text.unicodeScalars.contains { escapes.contains($0.value) }
    }

    private static func escape(_ byte: UInt8) -> Unicode.Scalar {
        Unicode.Scalar(0xF700 + UInt32(byte)) ?? "\u{FFFD}"  // always a scalar: U+F700...U+F7FF
    }

    /// The length of the valid UTF-8 sequence starting at `index` (Unicode's table 3-7), or 0 when there is none.
    private static func sequenceLength(_ bytes: [UInt8], at index: Int) -> Int {
        let lead = bytes[index]
        let length: Int
        var second: ClosedRange<UInt8> = 0x80...0xBF
        switch lead {
        case 0x00...0x7F: return 1
        case 0xC2...0xDF: length = 2
        case 0xE0: (length, second) = (3, 0xA0...0xBF)
        case 0xED: (length, second) = (3, 0x80...0x9F)
        case 0xE1...0xEF: length = 3
        case 0xF0: (length, second) = (4, 0x90...0xBF)
        case 0xF4: (length, second) = (4, 0x80...0x8F)
        case 0xF1...0xF3: length = 4
        default: return 0
        }
        guard index + length <= bytes.count, second.contains(bytes[index + 1]) else { return 0 }
        for offset in 2..<length where !(0x80...0xBF).contains(bytes[index + offset]) { return 0 }
        return length
    }

    /// The scalar of the valid sequence of `length` bytes at `index`.
    private static func scalar(_ bytes: [UInt8], at index: Int, length: Int) -> Unicode.Scalar? {
        var value = UInt32(bytes[index]) & (length == 1 ? 0x7F : length == 2 ? 0x1F : length == 3 ? 0x0F : 0x07)
        for offset in 1..<max(length, 1) { value = value << 6 | UInt32(bytes[index + offset] & 0x3F) }
        return Unicode.Scalar(value)
    }
}
