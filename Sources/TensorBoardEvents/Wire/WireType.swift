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
