// ProtoWriter+ScalarEvent.swift: a scalar event's fields, written without building its messages.

extension ProtoWriter {
    /// Appends the encoding of a one-scalar event: the bytes ``Event/encode(to:)`` gives for
    /// `Event(wallTime:step:content: .summary(Summary(values: [value])))`, where the value has the tag whose
    /// encoded `tag` field is `tagField`, holds `value` as a rank-0 DT_FLOAT tensor (`.tensor`) or as
    /// `simple_value`, and carries `metadata` (an encoded ``SummaryMetadata``) when it is given. Nothing is
    /// allocated: the lengths are computed first, then every field is written in order (tested to agree).
    /// - Parameters:
    ///   - tagField: The encoded `tag = 1` field: key, length and UTF-8 bytes.
    ///   - value: The scalar.
    ///   - asTensor: Whether the value is a tensor (TF2's form) rather than a `simple_value`.
    ///   - metadata: The value's encoded metadata, or `nil` for none.
    ///   - step: The event's step.
    ///   - wallTime: The event's wall time.
    mutating func writeScalarEvent(
        tagField: UnsafeRawBufferPointer,
        value: Float,
        asTensor: Bool,
        metadata: UnsafeRawBufferPointer?,
        step: Int64,
        wallTime: Double
    ) {
        // `tensor = 8`: `dtype = 1` DT_FLOAT, an empty `tensor_shape = 2`, one packed `float_val = 5`.
        let tensorLength = 2 + 2 + 2 + 4
        var valueLength = tagField.count + (asTensor ? 2 + tensorLength : 5)
        if let metadata { valueLength += 1 + Varint.encodedSize(of: UInt64(metadata.count)) + metadata.count }
        if wallTime.bitPattern != 0 { writeField(1, double: wallTime) }
        if step != 0 { writeField(2, int64: step) }
        writeKey(field: 5, .lengthDelimited)
        writeVarint(UInt64(1 + Varint.encodedSize(of: UInt64(valueLength)) + valueLength))
        writeKey(field: 1, .lengthDelimited)
        writeVarint(UInt64(valueLength))
        writeRawBytes(tagField)
        if asTensor {
            writeKey(field: 8, .lengthDelimited)
            writeVarint(UInt64(tensorLength))
            writeField(1, varint: UInt64(DataType.float.rawValue))
            writeKey(field: 2, .lengthDelimited)
            writeVarint(0)
            writeKey(field: 5, .lengthDelimited)
            writeVarint(4)
            writeFixed32(value.bitPattern)
        } else {
            writeField(2, float: value)
        }
        if let metadata { writeField(9, bytes: metadata) }
    }
}
