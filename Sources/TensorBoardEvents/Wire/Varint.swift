// Varint.swift: base-128 varints, the integer encoding of most protobuf fields: their sizes and their decoding.

/// Helpers for protobuf's base-128 varints: seven bits per byte, least significant group first, the high
/// bit set on every byte but the last. Negative `int32`/`int64` values are sign-extended to 64 bits and
/// always take ten bytes (protobuf's rule for non-zigzag types).
package enum Varint {
    /// The most bytes a 64-bit varint can take.
    package static let maximumEncodedSize = 10

    /// The number of bytes the varint encoding of `value` takes, 1 to 10.
    /// - Parameter value: The value, as the unsigned 64-bit pattern that goes on the wire.
    /// - Returns: The encoded size in bytes.
    @inlinable
    package static func encodedSize(of value: UInt64) -> Int {
        // One byte per started group of seven significant bits; zero still takes one byte.
        let significantBits = 64 - (value | 1).leadingZeroBitCount
        return (significantBits + 6) / 7
    }

    /// What ``decode(_:count:)`` found.
    package enum Decoded {
        /// A varint of `size` bytes holding `value`.
        case value(UInt64, size: Int)
        /// The bytes end inside the varint.
        case truncated
        /// Over ten bytes, or a tenth byte that overflows 64 bits.
        case malformed
    }

    /// Decodes the varint at `start`, reading none of the bytes from `start + count` on: the one varint decoder,
    /// which ``ProtoReader`` and the fast scalar matcher both use.
    /// - Parameters:
    ///   - start: The varint's first byte.
    ///   - count: How many bytes may be read.
    /// - Returns: The value and its size, or why there is none.
    @inlinable @inline(__always)
    package static func decode(_ start: UnsafeRawPointer, count: Int) -> Decoded {
        guard count > 0 else { return .truncated }
        let first = start.load(as: UInt8.self)
        if first < 0x80 { return .value(UInt64(first), size: 1) }  // keys and most lengths
        var result = UInt64(first & 0x7F)
        var index = 1
        let limit = min(count, maximumEncodedSize)
        while index < limit {
            let byte = start.load(fromByteOffset: index, as: UInt8.self)
            result |= UInt64(byte & 0x7F) << UInt64(7 &* index)
            index &+= 1
            if byte < 0x80 {
                // The tenth byte holds only the 64th bit.
                return index == maximumEncodedSize && byte > 1 ? .malformed : .value(result, size: index)
            }
        }
        return limit == maximumEncodedSize ? .malformed : .truncated
    }
}
