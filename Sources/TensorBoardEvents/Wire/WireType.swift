// WireType.swift: the six protobuf wire types and the field tag that pairs one with a field number.

/// How a protobuf field's value is laid out on the wire: the low three bits of every field key.
package enum WireType: UInt8, Sendable, Equatable {
    /// A base-128 varint (int32, int64, uint32, uint64, bool, enum).
    case varint = 0
    /// Eight little-endian bytes (double, fixed64, sfixed64).
    case fixed64 = 1
    /// A varint length followed by that many bytes (string, bytes, messages, packed repeated scalars).
    case lengthDelimited = 2
    /// Start of a group (deprecated proto2 feature); only ever skipped here.
    case startGroup = 3
    /// End of a group (deprecated proto2 feature); only ever skipped here.
    case endGroup = 4
    /// Four little-endian bytes (float, fixed32, sfixed32).
    case fixed32 = 5

    /// The wire type whose number is `bits` (the low three bits of a key), or `nil` for 6 and 7.
    @inlinable @inline(__always)
    init?(keyBits bits: UInt8) {
        switch bits {
        case 0: self = .varint
        case 1: self = .fixed64
        case 2: self = .lengthDelimited
        case 3: self = .startGroup
        case 4: self = .endGroup
        case 5: self = .fixed32
        default: return nil
        }
    }
}

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
