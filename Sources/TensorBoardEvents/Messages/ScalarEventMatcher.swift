// ScalarEventMatcher.swift: the one fast path of event decoding: a single scalar, laid out as writers lay it out.

/// Recognises the layout in which every scalar writer (ours, TF2 and Keras, PyTorch and tensorboardX) stores an
/// event of one scalar, and reads it in a straight line; anything else is left to ``EventView``.
///
/// The layout, field by field: `wall_time`, then `step` (absent at step 0), then one `summary` holding one value,
/// to the end of the event; the value holds its `tag`, then either `simple_value` (PyTorch, tensorboardX) or a
/// `tensor` of exactly `dtype: DT_FLOAT, tensor_shape: {}` and one number, in `tensor_content` (TF2 and Keras) or
/// as one packed `float_val` (ours), then perhaps `metadata`, to its end. Keys are
/// the one-byte ``FieldTag`` values of those fields and lengths are read with ``Varint/decode(_:count:)``, the
/// general decoder's own. A match gives exactly what the general decoder reads from the same bytes (tested, and
/// checked by the fuzzer); no byte at or past the end of a field is read, and a malformed byte is never a match.
package enum ScalarEventMatcher {
    /// What a matching event holds.
    package struct Match {
        /// Proto field `wall_time = 1`.
        package var wallTime: Double
        /// Proto field `step = 2`.
        package var step: Int64
        /// The value's tag, as UTF-8 bytes (borrowed from the payload).
        package var tag: UnsafeRawBufferPointer
        /// The scalar.
        package var value: Float
    }

    /// The scalar event `payload` holds when it is in the layout above, or `nil`.
    /// - Parameter payload: A record's payload.
    /// - Returns: The event's fields, or `nil` for any other layout (then use ``EventView``).
    @inline(__always)
    package static func match(_ payload: UnsafeRawBufferPointer) -> Match? {
        // Offsets into the payload; every one stays within it, so plain (non-trapping) arithmetic is safe.
        guard let base = payload.baseAddress, payload.count >= 9, base.load(as: UInt8.self) == key(1, .fixed64)
        else { return nil }
        let end = payload.count
        let wallTime = Double(bitPattern: UInt64(littleEndian: base.loadUnaligned(fromByteOffset: 1, as: UInt64.self)))
        var position = 9
        var step: Int64 = 0
        if position < end, base.load(fromByteOffset: position, as: UInt8.self) == key(2, .varint) {
            guard case .value(let value, let size) = Varint.decode(base + (position &+ 1), count: end &- position &- 1)
            else { return nil }
            step = Int64(bitPattern: value)
            position &+= 1 &+ size
        }
        guard let summary = field(key(5, .lengthDelimited), in: base, at: &position, end), position == end else {
            return nil
        }
        var valuePosition = summary.start
        guard let value = field(key(1, .lengthDelimited), in: base, at: &valuePosition, summary.end),
            valuePosition == summary.end
        else { return nil }
        position = value.start
        guard let tag = field(key(1, .lengthDelimited), in: base, at: &position, value.end) else { return nil }
        let number: Float
        let tensorPrefix =
            value.end &- position >= 12 ? base.loadUnaligned(fromByteOffset: position, as: UInt64.self) : 0
        if tensorPrefix == floatTensorPrefix(list: 5) || tensorPrefix == floatTensorPrefix(list: 4) {
            number = Float(
                bitPattern: UInt32(littleEndian: base.loadUnaligned(fromByteOffset: position &+ 8, as: UInt32.self))
            )
            position &+= 12
        } else if value.end &- position >= 5, base.load(fromByteOffset: position, as: UInt8.self) == key(2, .fixed32) {
            number = Float(
                bitPattern: UInt32(littleEndian: base.loadUnaligned(fromByteOffset: position &+ 1, as: UInt32.self))
            )
            position &+= 5
        } else {
            return nil
        }
        if position < value.end {
            guard field(key(9, .lengthDelimited), in: base, at: &position, value.end) != nil, position == value.end
            else { return nil }
        }
        let tagBytes = UnsafeRawBufferPointer(start: base + tag.start, count: tag.end &- tag.start)
        return Match(wallTime: wallTime, step: step, tag: tagBytes, value: number)
    }

    /// The first eight bytes of a value's `tensor = 8` field holding exactly `dtype: DT_FLOAT`, an empty
    /// `tensor_shape` and four bytes in field `list` (`tensor_content = 4` or a packed `float_val = 5`), in that
    /// order, as one little-endian word: the field's key and length (10), the dtype's key and DT_FLOAT, the
    /// shape's key and length (0), the list's key and length (4).
    @inline(__always)
    private static func floatTensorPrefix(list: UInt8) -> UInt64 {
        UInt64(key(8, .lengthDelimited)) | 10 << 8 | UInt64(key(1, .varint)) << 16
            | UInt64(DataType.float.rawValue) << 24 | UInt64(key(2, .lengthDelimited)) << 32 | 0 << 40
            | UInt64(key(list, .lengthDelimited)) << 48 | 4 << 56
    }

    /// The one-byte key of field `field` (below 16) with `wireType`.
    @inline(__always)
    private static func key(_ field: UInt8, _ wireType: WireType) -> UInt8 {
        field << 3 | wireType.rawValue
    }

    /// The offsets of the bytes of the length-delimited field whose one-byte key is `key` at offset `position`
    /// of `base` (moved past it), when it is there and ends before offset `end`.
    @inline(__always)
    private static func field(
        _ key: UInt8,
        in base: UnsafeRawPointer,
        at position: inout Int,
        _ end: Int
    ) -> (start: Int, end: Int)? {
        guard position < end, base.load(fromByteOffset: position, as: UInt8.self) == key,
            case .value(let length, let size) = Varint.decode(base + (position &+ 1), count: end &- position &- 1),
            length <= UInt64(end &- position &- 1 &- size)
        else { return nil }
        let start = position &+ 1 &+ size
        position = start &+ Int(truncatingIfNeeded: length)
        return (start, position)
    }
}
