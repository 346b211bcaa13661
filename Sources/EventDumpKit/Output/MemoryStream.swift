// MemoryStream.swift: a text output stream into memory the caller has reserved.

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
