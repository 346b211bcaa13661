// TensorProto.swift: a tensor as summaries carry it.

/// A tensor: element type, shape, and elements either as raw little-endian bytes (`tensorContent`) or in the
/// typed list that matches the element type. Proto message `TensorProto`.
///
/// Readers take `tensorContent` when it is not empty; otherwise the list that matches `dataType`, where a
/// single element fills the whole shape.
public struct TensorProto: Sendable, Equatable {
    /// The element type. Proto field `dtype = 1`.
    public var dataType: DataType
    /// The shape; `nil` when absent (which readers take as rank 0). Proto field `tensor_shape = 2`.
    public var shape: TensorShapeProto?
    /// Proto field `version_number = 3`; leave 0.
    public var versionNumber: Int32
    /// Elements as packed little-endian bytes, row-major (numeric types only). Proto field `tensor_content = 4`.
    public var tensorContent: [UInt8]
    /// Proto field `repeated float float_val = 5` (DT_FLOAT).
    public var floatValues: [Float]
    /// Proto field `repeated double double_val = 6` (DT_DOUBLE).
    public var doubleValues: [Double]
    /// Proto field `repeated int32 int_val = 7` (DT_INT32, DT_INT16, DT_INT8, DT_UINT8, DT_UINT16).
    public var intValues: [Int32]
    /// Proto field `repeated bytes string_val = 8` (DT_STRING).
    public var stringValues: [[UInt8]]
    /// Proto field `repeated float scomplex_val = 9` (DT_COMPLEX64, real and imaginary parts in turn).
    public var complex64Values: [Float]
    /// Proto field `repeated int64 int64_val = 10` (DT_INT64).
    public var int64Values: [Int64]
    /// Proto field `repeated bool bool_val = 11` (DT_BOOL).
    public var boolValues: [Bool]
    /// Proto field `repeated double dcomplex_val = 12` (DT_COMPLEX128).
    public var complex128Values: [Double]
    /// Proto field `repeated int32 half_val = 13` (DT_HALF, DT_BFLOAT16: the 16-bit pattern, zero-extended).
    public var halfValues: [Int32]
    /// Proto field `repeated ResourceHandleProto resource_handle_val = 14`, kept serialized.
    public var resourceHandleValues: [[UInt8]]
    /// Proto field `repeated VariantTensorDataProto variant_val = 15`, kept serialized.
    public var variantValues: [[UInt8]]
    /// Proto field `repeated uint32 uint32_val = 16` (DT_UINT32).
    public var uint32Values: [UInt32]
    /// Proto field `repeated uint64 uint64_val = 17` (DT_UINT64).
    public var uint64Values: [UInt64]
    /// Proto field `bytes float8_val = 18` (the DT_FLOAT8 types).
    public var float8Values: [UInt8]

    /// Creates an empty tensor of the given type and shape.
    /// - Parameters:
    ///   - dataType: The element type.
    ///   - shape: The shape, or `nil` to leave it out.
    public init(dataType: DataType = .invalid, shape: TensorShapeProto? = nil) {
        self.dataType = dataType
        self.shape = shape
        self.versionNumber = 0
        self.tensorContent = []
        self.floatValues = []
        self.doubleValues = []
        self.intValues = []
        self.stringValues = []
        self.complex64Values = []
        self.int64Values = []
        self.boolValues = []
        self.complex128Values = []
        self.halfValues = []
        self.resourceHandleValues = []
        self.variantValues = []
        self.uint32Values = []
        self.uint64Values = []
        self.float8Values = []
    }

    /// A rank-0 DT_FLOAT tensor holding `value` in `float_val`, as TensorBoard's scalar summaries write it.
    public static func scalar(_ value: Float) -> TensorProto {
        var tensor = TensorProto(dataType: .float, shape: TensorShapeProto())
        tensor.floatValues = [value]
        return tensor
    }

    /// A DT_STRING tensor of the given shape holding `strings` in `string_val`.
    /// - Parameters:
    ///   - strings: The elements.
    ///   - shape: The dimension sizes; empty for rank 0.
    public static func strings(_ strings: [[UInt8]], shape: [Int64]) -> TensorProto {
        var tensor = TensorProto(dataType: .string, shape: TensorShapeProto(shape))
        tensor.stringValues = strings
        return tensor
    }
}

extension TensorProto: WireCodable {
    /// Creates an empty tensor.
    public init() {
        self.init(dataType: .invalid)
    }

    package mutating func merge(from reader: inout ProtoReader) throws(WireDecodingError) {
        while let tag = try reader.readKey() {
            switch (tag.fieldNumber, tag.wireType) {
            case (1, .varint): dataType = DataType(rawValue: try reader.readInt32())
            case (2, .lengthDelimited):
                var shape = self.shape ?? TensorShapeProto()
                try reader.readMessage(into: &shape)
                self.shape = shape
            case (3, .varint): versionNumber = try reader.readInt32()
            case (4, .lengthDelimited): tensorContent = try reader.readBytes()
            case (5, .lengthDelimited): try reader.readPackedFloats(into: &floatValues)
            case (5, .fixed32): floatValues.append(try reader.readFloat())
            case (6, .lengthDelimited): try reader.readPackedDoubles(into: &doubleValues)
            case (6, .fixed64): doubleValues.append(try reader.readDouble())
            case (7, .lengthDelimited): try reader.readPackedVarints(into: &intValues) { Int32(truncatingIfNeeded: $0) }
            case (7, .varint): intValues.append(try reader.readInt32())
            case (8, .lengthDelimited): stringValues.append(try reader.readBytes())
            case (9, .lengthDelimited): try reader.readPackedFloats(into: &complex64Values)
            case (9, .fixed32): complex64Values.append(try reader.readFloat())
            case (10, .lengthDelimited): try reader.readPackedVarints(into: &int64Values) { Int64(bitPattern: $0) }
            case (10, .varint): int64Values.append(try reader.readInt64())
            case (11, .lengthDelimited): try reader.readPackedVarints(into: &boolValues) { $0 != 0 }
            case (11, .varint): boolValues.append(try reader.readBool())
            case (12, .lengthDelimited): try reader.readPackedDoubles(into: &complex128Values)
            case (12, .fixed64): complex128Values.append(try reader.readDouble())
            case (13, .lengthDelimited):
                try reader.readPackedVarints(into: &halfValues) { Int32(truncatingIfNeeded: $0) }
            case (13, .varint): halfValues.append(try reader.readInt32())
            case (14, .lengthDelimited): resourceHandleValues.append(try reader.readBytes())
            case (15, .lengthDelimited): variantValues.append(try reader.readBytes())
            case (16, .lengthDelimited):
                try reader.readPackedVarints(into: &uint32Values) { UInt32(truncatingIfNeeded: $0) }
            case (16, .varint): uint32Values.append(UInt32(truncatingIfNeeded: try reader.readVarint()))
            case (17, .lengthDelimited): try reader.readPackedVarints(into: &uint64Values) { $0 }
            case (17, .varint): uint64Values.append(try reader.readVarint())
            case (18, .lengthDelimited): float8Values = try reader.readBytes()
            default: try reader.skipValue(of: tag)
            }
        }
    }

    package func encode(to writer: inout ProtoWriter) {
        if dataType.rawValue != 0 { writer.writeField(1, int64: Int64(dataType.rawValue)) }
        if let shape { writer.writeField(2, message: shape) }
        if versionNumber != 0 { writer.writeField(3, int64: Int64(versionNumber)) }
        if !tensorContent.isEmpty { writer.writeField(4, bytes: tensorContent) }
        writer.writePacked(5, floats: floatValues)
        writer.writePacked(6, doubles: doubleValues)
        writer.writePacked(7, varints: intValues)
        for string in stringValues { writer.writeField(8, bytes: string) }
        writer.writePacked(9, floats: complex64Values)
        writer.writePacked(10, varints: int64Values)
        writer.writePacked(11, varints: boolValues.map { $0 ? UInt8(1) : 0 })
        writer.writePacked(12, doubles: complex128Values)
        writer.writePacked(13, varints: halfValues)
        for handle in resourceHandleValues { writer.writeField(14, bytes: handle) }
        for variant in variantValues { writer.writeField(15, bytes: variant) }
        writer.writePacked(16, varints: uint32Values)
        writer.writePacked(17, varints: uint64Values)
        if !float8Values.isEmpty { writer.writeField(18, bytes: float8Values) }
    }
}
