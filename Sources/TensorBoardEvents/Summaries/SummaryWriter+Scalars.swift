// SummaryWriter+Scalars.swift: scalar summaries, encoded straight into the file's buffer.

extension SummaryWriter {
    /// Logs a scalar.
    ///
    /// With ``ScalarEncoding/tensor`` (the default) the value is a rank-0 DT_FLOAT tensor with plugin `scalars`
    /// and data class SCALAR; with ``ScalarEncoding/simpleValue`` it is the legacy `simple_value`. Either way
    /// TensorBoard stores it as a 32-bit float, so both of its loaders return exactly `value`. (Doubles are not
    /// written: TensorBoard's default loader drops DT_DOUBLE scalars.)
    /// - Parameters:
    ///   - tag: The series name, such as `"loss"` or `"epoch_accuracy"`.
    ///   - value: The value; NaN and ±infinity are kept as they are.
    ///   - step: The step (any `Int64`, negative included).
    ///   - wallTime: Seconds since the epoch; the current time by default.
    /// - Throws: ``EventFileError`` when a flush fails or the writer is closed.
    public func scalar(_ tag: String, _ value: Float, step: Int64, wallTime: Double? = nil) throws(EventFileError) {
        let time = wallTime ?? SystemCalls.currentTime()
        let encoding = options.scalarEncoding
        try withFile { file, describedTags throws(EventFileError) in
            let describes = encoding == .tensor && !describedTags.contains(tag)
            if describes { describedTags.insert(tag) }
            try file.appendRecord { writer in
                ScalarEventEncoding.encode(
                    tag: tag,
                    value: value,
                    step: step,
                    wallTime: time,
                    encoding: encoding,
                    withMetadata: describes,
                    to: &writer
                )
            }
        }
    }

    /// Logs a scalar given as a `Double`, stored as the nearest `Float` (what TensorBoard keeps).
    /// - Parameters:
    ///   - tag: The series name.
    ///   - value: The value.
    ///   - step: The step.
    ///   - wallTime: Seconds since the epoch; the current time by default.
    /// - Throws: ``EventFileError`` when a flush fails or the writer is closed.
    public func scalar(_ tag: String, _ value: Double, step: Int64, wallTime: Double? = nil) throws(EventFileError) {
        try scalar(tag, Float(value), step: step, wallTime: wallTime)
    }
}

/// The byte layout of a scalar event, written field by field into a ``ProtoWriter``.
enum ScalarEventEncoding {
    /// `tensor` (field 8) holding `dtype: DT_FLOAT, tensor_shape: {}, float_val: [` and the key and length of
    /// the one packed float that follows.
    static let tensorPrefix: [UInt8] = [0x42, 0x0A, 0x08, 0x01, 0x12, 0x00, 0x2A, 0x04]
    /// `metadata` (field 9): `plugin_data { plugin_name: "scalars" }, data_class: DATA_CLASS_SCALAR`.
    static let scalarsMetadata: [UInt8] = SummaryMetadata.scalars.serializedBytes()

    /// Appends the payload of a scalar event.
    @inline(__always)
    static func encode(
        tag: String,
        value: Float,
        step: Int64,
        wallTime: Double,
        encoding: SummaryWriter.ScalarEncoding,
        withMetadata: Bool,
        to writer: inout ProtoWriter
    ) {
        writer.writeField(1, double: wallTime)
        if step != 0 { writer.writeField(2, int64: step) }
        let summary = writer.beginLengthDelimited(field: 5)
        let summaryValue = writer.beginLengthDelimited(field: 1)
        writer.writeField(1, string: tag)
        switch encoding {
        case .tensor:
            tensorPrefix.withUnsafeBytes { writer.writeRawBytes($0) }
            writer.writeFixed32(value.bitPattern)
            if withMetadata {
                writer.writeKey(field: 9, .lengthDelimited)
                writer.writeVarint(UInt64(scalarsMetadata.count))
                scalarsMetadata.withUnsafeBytes { writer.writeRawBytes($0) }
            }
        case .simpleValue:
            writer.writeField(2, float: value)
        }
        writer.endLengthDelimited(summaryValue)
        writer.endLengthDelimited(summary)
    }
}
