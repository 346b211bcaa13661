// Varint.swift: sizes of base-128 varints, the integer encoding of most protobuf fields.

/// Helpers for protobuf's base-128 varints: seven bits per byte, least significant group first, the high
/// bit set on every byte but the last. Negative `int32`/`int64` values are sign-extended to 64 bits and
/// always take ten bytes (protobuf's rule for non-zigzag types).
public enum Varint {
    /// The most bytes a 64-bit varint can take.
    public static let maximumEncodedSize = 10

    /// The number of bytes the varint encoding of `value` takes, 1 to 10.
    /// - Parameter value: The value, as the unsigned 64-bit pattern that goes on the wire.
    /// - Returns: The encoded size in bytes.
    @inlinable
    public static func encodedSize(of value: UInt64) -> Int {
        // One byte per started group of seven significant bits; zero still takes one byte.
        let significantBits = 64 - (value | 1).leadingZeroBitCount
        return (significantBits + 6) / 7
    }

    /// The number of bytes the varint encoding of a signed value takes (ten for every negative value).
    /// - Parameter value: The value.
    /// - Returns: The encoded size in bytes.
    @inlinable
    public static func encodedSize(of value: Int64) -> Int {
        encodedSize(of: UInt64(bitPattern: value))
    }
}
