// DataType.swift: TensorFlow's element types, as TensorProto names them.

/// The element type of a tensor. Proto enum `tensorboard.DataType`; values outside the known ones are kept as
/// they are.
public struct DataType: RawRepresentable, Sendable, Equatable, Hashable, CustomStringConvertible {
    /// The enum's number on the wire.
    public var rawValue: Int32
    /// Creates a data type from its number on the wire.
    public init(rawValue: Int32) { self.rawValue = rawValue }

    /// `DT_INVALID = 0`.
    public static let invalid = DataType(rawValue: 0)
    /// `DT_FLOAT = 1`: 32-bit IEEE float.
    public static let float = DataType(rawValue: 1)
    /// `DT_DOUBLE = 2`: 64-bit IEEE float.
    public static let double = DataType(rawValue: 2)
    /// `DT_INT32 = 3`.
    public static let int32 = DataType(rawValue: 3)
    /// `DT_UINT8 = 4`.
    public static let uint8 = DataType(rawValue: 4)
    /// `DT_INT16 = 5`.
    public static let int16 = DataType(rawValue: 5)
    /// `DT_INT8 = 6`.
    public static let int8 = DataType(rawValue: 6)
    /// `DT_STRING = 7`: byte strings, carried only in `string_val`.
    public static let string = DataType(rawValue: 7)
    /// `DT_COMPLEX64 = 8`.
    public static let complex64 = DataType(rawValue: 8)
    /// `DT_INT64 = 9`.
    public static let int64 = DataType(rawValue: 9)
    /// `DT_BOOL = 10`.
    public static let bool = DataType(rawValue: 10)
    /// `DT_BFLOAT16 = 14`.
    public static let bfloat16 = DataType(rawValue: 14)
    /// `DT_UINT16 = 17`.
    public static let uint16 = DataType(rawValue: 17)
    /// `DT_COMPLEX128 = 18`.
    public static let complex128 = DataType(rawValue: 18)
    /// `DT_HALF = 19`: IEEE binary16.
    public static let half = DataType(rawValue: 19)
    /// `DT_UINT32 = 22`.
    public static let uint32 = DataType(rawValue: 22)
    /// `DT_UINT64 = 23`.
    public static let uint64 = DataType(rawValue: 23)

    /// The size in bytes of one element in `tensor_content`, or `nil` for strings and unknown types.
    public var elementSize: Int? {
        switch rawValue {
        case 1, 3, 22: return 4
        case 2, 9, 23, 8: return 8
        case 4, 6, 10: return 1
        case 5, 17, 14, 19: return 2
        case 18: return 16
        default: return nil
        }
    }

    /// TensorFlow's name, such as `DT_FLOAT`, or `DT_<number>` for an unknown value.
    public var description: String {
        switch rawValue {
        case 0: return "DT_INVALID"
        case 1: return "DT_FLOAT"
        case 2: return "DT_DOUBLE"
        case 3: return "DT_INT32"
        case 4: return "DT_UINT8"
        case 5: return "DT_INT16"
        case 6: return "DT_INT8"
        case 7: return "DT_STRING"
        case 8: return "DT_COMPLEX64"
        case 9: return "DT_INT64"
        case 10: return "DT_BOOL"
        case 14: return "DT_BFLOAT16"
        case 17: return "DT_UINT16"
        case 18: return "DT_COMPLEX128"
        case 19: return "DT_HALF"
        case 22: return "DT_UINT32"
        case 23: return "DT_UINT64"
        default: return "DT_\(rawValue)"
        }
    }
}
