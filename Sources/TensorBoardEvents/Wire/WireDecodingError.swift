// WireDecodingError.swift: why bytes could not be decoded as protobuf.

/// Why a byte sequence is not a well-formed protobuf message. Every case carries the byte offset of the
/// problem, counted from the start of the outermost message being decoded.
public enum WireDecodingError: Error, Sendable, Equatable, CustomStringConvertible {
    /// A field (key, varint, fixed value or length-delimited body) runs past the end of its message.
    case truncated(offset: Int)
    /// A varint longer than ten bytes, or whose tenth byte overflows 64 bits.
    case malformedVarint(offset: Int)
    /// A key with field number 0 or above the maximum, or with wire type 6 or 7.
    case invalidFieldKey(UInt64, offset: Int)
    /// An end-group key that does not close the group that is open, or one outside any group.
    case unmatchedEndGroup(offset: Int)
    /// Messages (or groups) nested deeper than the decoder's limit.
    case nestingTooDeep(limit: Int, offset: Int)

    /// The offset of the problem, from the start of the outermost message.
    public var offset: Int {
        switch self {
        case .truncated(let offset), .malformedVarint(let offset), .unmatchedEndGroup(let offset):
            return offset
        case .invalidFieldKey(_, let offset), .nestingTooDeep(_, let offset):
            return offset
        }
    }

    /// A one-line explanation naming the offset.
    public var description: String {
        switch self {
        case .truncated(let offset):
            return "field runs past the end of its message at offset \(offset)"
        case .malformedVarint(let offset):
            return "malformed varint at offset \(offset)"
        case .invalidFieldKey(let key, let offset):
            return "invalid field key \(key) (field \(key >> 3), wire type \(key & 7)) at offset \(offset)"
        case .unmatchedEndGroup(let offset):
            return "end-group key without a matching start at offset \(offset)"
        case .nestingTooDeep(let limit, let offset):
            return "messages nested deeper than \(limit) levels at offset \(offset)"
        }
    }
}
