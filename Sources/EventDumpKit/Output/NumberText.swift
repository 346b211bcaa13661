// NumberText.swift: a number's text in a fixed-size value, made by the standard library without a string.

/// The text ``NumberFormatting/text(_:)`` gives a `Double` (the shortest that reads back exactly; `NaN`, `inf`,
/// `-inf`), held in 24 bytes, so that it can be made on one thread and stored on another without allocating.
///
/// The digits are the standard library's: `Double.write(to:)` hands them to a stream's `_writeASCII`, which
/// copies them here without making a string.
struct NumberText {
    /// The longest text: `-2.2250738585072014e-308`.
    static let maximumLength = 24

    private var bytes: (UInt64, UInt64, UInt64) = (0, 0, 0)
    /// The text's length in bytes.
    private(set) var count = 0

    /// The text of `value`.
    init(_ value: Double) {
        count = withUnsafeMutableBytes(of: &bytes) { buffer in
            guard let base = buffer.baseAddress else { return 0 }
            var stream = MemoryStream(cursor: base)
            if value.isFinite {
                value.write(to: &stream)
            } else {
                stream.write(NumberFormatting.text(value))
            }
            return stream.cursor - base
        }
    }

    /// Stores the text at `destination`, which has room for ``maximumLength`` bytes (all of them may be
    /// written), and returns its length.
    @inline(__always)
    func store(at destination: UnsafeMutableRawPointer) -> Int {
        destination.storeBytes(of: bytes.0, as: UInt64.self)
        destination.storeBytes(of: bytes.1, toByteOffset: 8, as: UInt64.self)
        destination.storeBytes(of: bytes.2, toByteOffset: 16, as: UInt64.self)
        return count
    }
}

/// Writes into memory the caller has reserved.
struct MemoryStream: TextOutputStream {
    var cursor: UnsafeMutableRawPointer

    mutating func write(_ string: String) {
        var string = string
        string.withUTF8 { copy(UnsafeRawBufferPointer($0)) }
    }

    /// Where the standard library's numbers hand over their digits.
    mutating func _writeASCII(_ buffer: UnsafeBufferPointer<UInt8>) {
        copy(UnsafeRawBufferPointer(buffer))
    }

    @inline(__always)
    mutating func copy(_ bytes: UnsafeRawBufferPointer) {
        guard let base = bytes.baseAddress else { return }
        cursor.copyMemory(from: base, byteCount: bytes.count)
        cursor += bytes.count
    }

    @inline(__always)
    mutating func writeByte(_ byte: UInt8) {
        cursor.storeBytes(of: byte, as: UInt8.self)
        cursor += 1
    }

    /// The decimal digits of `value`, as `String(value)` gives them (at most 20 bytes).
    mutating func writeInteger(_ value: Int64) {
        if value < 0 { writeByte(UInt8(ascii: "-")) }
        var magnitude = value.magnitude
        var digits = 1
        var bound: UInt64 = 10
        while digits < 20 && magnitude >= bound {
            digits += 1
            bound = bound &* 10
        }
        var position = digits
        repeat {
            position -= 1
            cursor.storeBytes(of: UInt8(ascii: "0") + UInt8(magnitude % 10), toByteOffset: position, as: UInt8.self)
            magnitude /= 10
        } while position > 0
        cursor += digits
    }
}
