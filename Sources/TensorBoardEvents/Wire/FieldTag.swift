// FieldTag.swift: a field number paired with a wire type: a protobuf field key.

/// A field key: a field number together with the wire type of the value that follows.
///
/// Every `FieldTag` is valid by construction: the field number is in `1...(1 << 29) - 1` and the wire type is
/// one of the six defined ones.
package struct FieldTag: Sendable, Equatable {
    /// The largest field number protobuf allows.
    package static let maximumFieldNumber: UInt32 = (1 << 29) - 1

    /// The field number, in `1...maximumFieldNumber`.
    package let fieldNumber: UInt32
    /// The wire type of the value that follows the key.
    package let wireType: WireType

    /// Creates a tag, or returns `nil` when the field number is out of range.
    /// - Parameters:
    ///   - fieldNumber: The field number, in `1...maximumFieldNumber`.
    ///   - wireType: The wire type of the value.
    package init?(fieldNumber: UInt32, wireType: WireType) {
        guard fieldNumber >= 1, fieldNumber <= Self.maximumFieldNumber else { return nil }
        self.fieldNumber = fieldNumber
        self.wireType = wireType
    }

    /// Creates a tag whose field number the caller has already checked to be in range.
    @inlinable @inline(__always)
    init(uncheckedFieldNumber fieldNumber: UInt32, wireType: WireType) {
        self.fieldNumber = fieldNumber
        self.wireType = wireType
    }

    /// Decodes a key as read from the wire, or returns `nil` when its field number is 0, too large, or its
    /// wire type is 6 or 7.
    /// - Parameter rawValue: The key varint.
    package init?(rawValue: UInt64) {
        guard let wireType = WireType(keyBits: UInt8(truncatingIfNeeded: rawValue & 7)) else { return nil }
        let number = rawValue >> 3
        guard number >= 1, number <= UInt64(Self.maximumFieldNumber) else { return nil }
        self.fieldNumber = UInt32(number)
        self.wireType = wireType
    }

    /// The key as written on the wire: `fieldNumber << 3 | wireType`.
    package var rawValue: UInt64 {
        UInt64(fieldNumber) << 3 | UInt64(wireType.rawValue)
    }
}
