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
    ///   - wallTime: Seconds since the epoch; the current time by default, and in place of a non-finite value.
    /// - Throws: ``EventFileError`` when a flush fails or the writer is closed.
    public func scalar(_ tag: String, _ value: Float, step: Int64, wallTime: Double? = nil) throws(EventFileError) {
        let encoding = scalarEncoding
        // One clock reading per call: the wall time (unless given) and the flush-interval check.
        try withFile { file, tags, now throws(EventFileError) in
            let time = Self.wallTime(wallTime, now: now)
            let index = tags.index(of: tag)
            let describes = encoding == .tensor && !tags.isDescribed[index]
            if describes { tags.isDescribed[index] = true }
            try file.appendRecord(
                maximumPayloadSize: ScalarEventEncoding.maximumSize(
                    tagFieldSize: tags.fieldSize(index),
                    withMetadata: describes
                )
            ) { payload in
                ScalarEventEncoding.store(
                    tagField: index,
                    of: tags,
                    value: value,
                    step: step,
                    wallTime: time,
                    encoding: encoding,
                    withMetadata: describes,
                    at: payload
                )
            }
        }
    }

    /// Logs a scalar given as a `Double`, stored as the nearest `Float` (what TensorBoard keeps).
    /// - Parameters:
    ///   - tag: The series name.
    ///   - value: The value.
    ///   - step: The step.
    ///   - wallTime: Seconds since the epoch; the current time by default, and in place of a non-finite value.
    /// - Throws: ``EventFileError`` when a flush fails or the writer is closed.
    public func scalar(_ tag: String, _ value: Double, step: Int64, wallTime: Double? = nil) throws(EventFileError) {
        try scalar(tag, Float(value), step: step, wallTime: wallTime)
    }
}

/// The byte layout of a scalar event, stored with raw pointer writes (the writer's hot path):
///
/// `09 <wall_time f64>` · `10 <step varint>` (left out at step 0) · `2a <len>` summary · `0a <len>` value ·
/// the cached `0a <len> <tag>` field · then for ``SummaryWriter/ScalarEncoding/tensor``
/// `42 0a 08 01 12 00 2a 04 <f32>` and, on a tag's first value in a file, `4a 0d` + the `scalars` metadata;
/// for ``SummaryWriter/ScalarEncoding/simpleValue`` `15 <f32>`. The same bytes protobuf's serializer writes
/// (FORMAT.md §1.5).
enum ScalarEventEncoding {
    /// `tensor` (field 8): `42 0a 08 01 12 00 2a 04`, the key and length of the field, `dtype: DT_FLOAT`,
    /// `tensor_shape: {}`, then the key and length of one packed float, as one unaligned little-endian word.
    static let tensorPrefix = UInt64(littleEndian: 0x042A_0012_0108_0A42)
    /// `metadata` (field 9) with its key and length: plugin `scalars`, data class SCALAR.
    static let metadataField: [UInt8] = {
        var writer = ProtoWriter()
        writer.writeField(9, message: SummaryMetadata.scalars)
        return writer.bytes
    }()

    /// The most bytes a scalar event with a tag field of `tagFieldSize` bytes can take, with room for the
    /// tag field and the scalar tail to be stored as whole words (``SeriesTags/storeField(_:at:)``,
    /// ``SeriesTags/storeScalarTail(_:encoding:at:)``).
    @inline(__always)
    static func maximumSize(tagFieldSize: Int, withMetadata: Bool) -> Int {
        9 &+ 11 &+ 2 &* (1 &+ Varint.maximumEncodedSize)
            &+ max(tagFieldSize &+ 8, SeriesTags.shortFieldSize &+ 8, SeriesTags.tailStride) &+ 4
            &+ (withMetadata ? metadataField.count : 0)
    }

    /// The length of a scalar event's value message for a tag field of `tagFieldSize` bytes: the tag field, the
    /// number with its key (and, for ``SummaryWriter/ScalarEncoding/tensor``, the tensor's fields), and the
    /// metadata field when `withMetadata` (only the tensor encoding writes one).
    @inline(__always)
    static func valueLength(tagFieldSize: Int, encoding: SummaryWriter.ScalarEncoding, withMetadata: Bool) -> Int {
        switch encoding {
        case .tensor: tagFieldSize &+ 12 &+ (withMetadata ? metadataField.count : 0)
        case .simpleValue: tagFieldSize &+ 5
        }
    }

    /// The bytes of a scalar event without metadata from its summary field up to its value's four bytes, for
    /// the tag field `tagField` (`0a <length> <tag>`): what ``SeriesTags`` keeps per tag.
    static func tail(tagField: [UInt8], encoding: SummaryWriter.ScalarEncoding) -> [UInt8] {
        let valueLength = Self.valueLength(tagFieldSize: tagField.count, encoding: encoding, withMetadata: false)
        let valuePrefix: [UInt8]
        switch encoding {
        case .tensor: valuePrefix = withUnsafeBytes(of: tensorPrefix) { Array($0) }
        case .simpleValue: valuePrefix = [0x15]
        }
        var writer = ProtoWriter(capacity: tagField.count + 32)
        writer.writeVarint(0x2A)
        writer.writeVarint(UInt64(1 + Varint.encodedSize(of: UInt64(valueLength)) + valueLength))
        writer.writeVarint(0x0A)
        writer.writeVarint(UInt64(valueLength))
        return writer.bytes + tagField + valuePrefix
    }

    /// Stores the payload of a scalar event whose tag field is tag `index` of `tags` at `payload` and returns
    /// its length.
    @inline(__always)
    static func store(
        tagField index: Int,
        of tags: SeriesTags,
        value: Float,
        step: Int64,
        wallTime: Double,
        encoding: SummaryWriter.ScalarEncoding,
        withMetadata: Bool,
        at payload: UnsafeMutableRawPointer
    ) -> Int {
        // Every size here is small (a tag field is at most a few kilobytes), so no sum can overflow.
        payload.storeBytes(of: 0x09, as: UInt8.self)
        payload.storeBytes(of: wallTime.bitPattern.littleEndian, toByteOffset: 1, as: UInt64.self)
        var count = 9
        if step != 0 {
            payload.storeBytes(of: 0x10, toByteOffset: count, as: UInt8.self)
            count &+= 1 &+ ProtoWriter.storeVarint(UInt64(bitPattern: step), at: payload + count + 1)
        }
        if !withMetadata {
            // Every byte from here to the value is fixed by the tag and the encoding.
            count &+= tags.storeScalarTail(index, encoding: encoding, at: payload + count)
            payload.storeBytes(of: value.bitPattern.littleEndian, toByteOffset: count, as: UInt32.self)
            return count &+ 4
        }
        let valueLength = valueLength(
            tagFieldSize: tags.fieldSize(index),
            encoding: encoding,
            withMetadata: withMetadata
        )
        let summaryLength = 1 &+ Varint.encodedSize(of: UInt64(valueLength)) &+ valueLength
        payload.storeBytes(of: 0x2A, toByteOffset: count, as: UInt8.self)
        count &+= 1 &+ ProtoWriter.storeVarint(UInt64(summaryLength), at: payload + count + 1)
        payload.storeBytes(of: 0x0A, toByteOffset: count, as: UInt8.self)
        count &+= 1 &+ ProtoWriter.storeVarint(UInt64(valueLength), at: payload + count + 1)
        count &+= tags.storeField(index, at: payload + count)
        switch encoding {
        case .tensor:
            payload.storeBytes(of: tensorPrefix, toByteOffset: count, as: UInt64.self)
            payload.storeBytes(of: value.bitPattern.littleEndian, toByteOffset: count &+ 8, as: UInt32.self)
            count &+= 12
            if withMetadata {
                metadataField.withUnsafeBytes { field in
                    if let bytes = field.baseAddress {
                        (payload + count).copyMemory(from: bytes, byteCount: field.count)
                    }
                }
                count &+= metadataField.count
            }
        case .simpleValue:
            payload.storeBytes(of: 0x15, toByteOffset: count, as: UInt8.self)
            payload.storeBytes(of: value.bitPattern.littleEndian, toByteOffset: count &+ 1, as: UInt32.self)
            count &+= 5
        }
        return count
    }
}
