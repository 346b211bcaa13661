// RunDecoder+Scalars.swift: the allocation-free path for reading scalar points, the hot loop of every reader.

extension RunDecoder {
    /// Decodes only the scalar points of one record's payload, without allocating: each point names its
    /// series by index (``tag(ofSeries:)`` gives the tag). Points of other kinds are skipped by length, and so
    /// are scalar series the filter does not ask for.
    ///
    /// Events laid out as scalar writers lay them out (wall time, step, one summary of values holding a tag, a
    /// `simple_value` or a small tensor, and metadata) are read with fixed-form checks on raw bytes; anything
    /// else, and any malformed byte, goes through the general decoder, which gives the same points or the
    /// precise error. Both paths are tested to agree.
    /// - Parameters:
    ///   - payload: A record's payload.
    ///   - body: Receives the scalar points.
    /// - Returns: What the event was, as ``decode(_:_:)`` reports it (restart purging needs it).
    /// - Throws: ``WireDecodingError`` when the payload is not a valid event.
    @discardableResult
    public mutating func decodeScalars(
        _ payload: UnsafeRawBufferPointer,
        _ body: (ScalarPoint) -> Void
    ) throws(WireDecodingError) -> EventHeader {
        // The commonest event of all, one scalar, is read in a straight line.
        guard let base = payload.baseAddress, let event = FastWire.scalarEvent(base, base + payload.count) else {
            return try decodeScalarsFieldByField(payload, body)
        }
        let end = base + payload.count
        if let (tag, number) = FastWire.scalarValue(event.value, end) {
            // A scalar writer's value has no node name, so its series is its tag's.
            let (index, isNew) = table.index(of: tag)
            if !isNew, isSettledWantedScalar[index] {
                body(ScalarPoint(seriesIndex: index, step: event.step, wallTime: event.wallTime, value: number))
            } else {
                try emitScalar(
                    in: event.value,
                    end - event.value,
                    of: base,
                    series: (index, isNew),
                    event.step,
                    event.wallTime,
                    body
                )
            }
        } else {
            try emitScalar(in: event.value, end - event.value, of: base, series: nil, event.step, event.wallTime, body)
        }
        return EventHeader(wallTime: event.wallTime, step: event.step, content: .summary(valueCount: 1))
    }

    /// ``decodeScalars(_:_:)`` for events in any other layout: the top-level fields in any order, a summary of
    /// any number of values, each value read with fixed-form checks where it can be.
    @inline(never)
    private mutating func decodeScalarsFieldByField(
        _ payload: UnsafeRawBufferPointer,
        _ body: (ScalarPoint) -> Void
    ) throws(WireDecodingError) -> EventHeader {
        guard let base = payload.baseAddress else { return EventHeader(wallTime: 0, step: 0, content: .none) }
        let end = base + payload.count
        var position = base
        var wallTime = 0.0
        var step: Int64 = 0
        var summaryStart: UnsafeRawPointer?
        var summaryEnd = base
        while position < end {
            let key = position.load(as: UInt8.self)
            if key == 0x09, end - position >= 9 {
                wallTime = Double(
                    bitPattern: UInt64(littleEndian: position.loadUnaligned(fromByteOffset: 1, as: UInt64.self))
                )
                position += 9
            } else if key == 0x10 {
                position += 1
                guard let value = FastWire.varint(&position, end) else {
                    return try decodeScalarsInGeneral(payload, body)
                }
                step = Int64(bitPattern: value)
            } else if key == 0x2A, summaryStart == nil {
                position += 1
                guard let length = FastWire.length(&position, end) else {
                    return try decodeScalarsInGeneral(payload, body)
                }
                summaryStart = position
                position += length
                summaryEnd = position
            } else {
                // A file version, another kind of event, a second summary, an unknown field or a short field.
                return try decodeScalarsInGeneral(payload, body)
            }
        }
        guard let summaryStart else { return EventHeader(wallTime: wallTime, step: step, content: .none) }
        position = summaryStart
        var valueCount = 0
        while position < summaryEnd {
            let keyPosition = position
            position += 1
            guard keyPosition.load(as: UInt8.self) == 0x0A, let length = FastWire.length(&position, summaryEnd) else {
                // Not a value field, or a malformed one: let the general decoder walk the rest of this summary.
                var rest = ProtoReader(
                    UnsafeRawBufferPointer(start: keyPosition, count: summaryEnd - keyPosition),
                    baseOffset: keyPosition - base,
                    depth: 1
                )
                valueCount += try walkScalars(&rest, step: step, wallTime: wallTime, body)
                break
            }
            let valueStart = position
            position += length
            valueCount += 1
            if let (tag, number) = FastWire.scalarValue(valueStart, position) {
                // A scalar writer's value has no node name, so its series is its tag's.
                let (index, isNew) = table.index(of: tag)
                if !isNew, isSettledWantedScalar[index] {
                    body(ScalarPoint(seriesIndex: index, step: step, wallTime: wallTime, value: number))
                    continue
                }
                try emitScalar(in: valueStart, length, of: base, series: (index, isNew), step, wallTime, body)
            } else {
                try emitScalar(in: valueStart, length, of: base, series: nil, step, wallTime, body)
            }
        }
        return EventHeader(wallTime: wallTime, step: step, content: .summary(valueCount: valueCount))
    }

    /// The general path: the whole event through ``EventView``.
    private mutating func decodeScalarsInGeneral(
        _ payload: UnsafeRawBufferPointer,
        _ body: (ScalarPoint) -> Void
    ) throws(WireDecodingError) -> EventHeader {
        let view = try EventView(payload)
        var valueCount = 0
        switch view.content {
        case .fileVersion(let version): fileVersion = String(decoding: version, as: UTF8.self)
        case .summary:
            try view.forEachValue { value throws(WireDecodingError) in
                valueCount += 1
                try emitScalar(value, step: view.step, wallTime: view.wallTime, body)
            }
        default: break
        }
        return EventHeader(view: view, valueCount: valueCount)
    }

    /// The general path for the rest of a summary; returns how many values it held.
    private mutating func walkScalars(
        _ summary: inout ProtoReader,
        step: Int64,
        wallTime: Double,
        _ body: (ScalarPoint) -> Void
    ) throws(WireDecodingError) -> Int {
        var count = 0
        while let tag = try summary.readKey() {
            guard tag.fieldNumber == 1, tag.wireType == .lengthDelimited else {
                try summary.skipValue(of: tag)
                continue
            }
            var reader = try summary.readMessage()
            count += 1
            try emitScalar(try ValueView(&reader), step: step, wallTime: wallTime, body)
        }
        return count
    }

    /// Reports the value whose `length` bytes start at `value` in the payload at `base`, when it belongs to a
    /// wanted scalar series and holds one number: the path for values not in a scalar writer's form and for new
    /// series, kept out of the hot loop. `series` is what the tag table said, if the value's tag was looked up.
    @inline(never)
    private mutating func emitScalar(
        in value: UnsafeRawPointer,
        _ length: Int,
        of base: UnsafeRawPointer,
        series: (index: Int, isNew: Bool)?,
        _ step: Int64,
        _ wallTime: Double,
        _ body: (ScalarPoint) -> Void
    ) throws(WireDecodingError) {
        let bytes = UnsafeRawBufferPointer(start: value, count: length)
        let view: ValueView
        if let fast = FastWire.valueView(bytes) {
            view = fast
        } else {
            var reader = ProtoReader(bytes, baseOffset: value - base, depth: 2)
            view = try ValueView(&reader)
        }
        if let series {
            try emitScalar(view, series: series, step: step, wallTime: wallTime, body)
        } else {
            try emitScalar(view, step: step, wallTime: wallTime, body)
        }
    }

    /// Reports `value` when it belongs to a wanted scalar series and holds one number.
    private mutating func emitScalar(
        _ value: ValueView,
        step: Int64,
        wallTime: Double,
        _ body: (ScalarPoint) -> Void
    ) throws(WireDecodingError) {
        guard let (index, kind) = try wantedSeries(of: value), kind == .scalar else { return }
        try emitScalar(value, index: index, step: step, wallTime: wallTime, body)
    }

    /// ``emitScalar(_:step:wallTime:_:)`` for a value whose tag has been looked up already.
    private mutating func emitScalar(
        _ value: ValueView,
        series: (index: Int, isNew: Bool),
        step: Int64,
        wallTime: Double,
        _ body: (ScalarPoint) -> Void
    ) throws(WireDecodingError) {
        guard let (index, kind) = try wantedSeries(of: value, index: series.index, isNew: series.isNew),
            kind == .scalar
        else { return }
        try emitScalar(value, index: index, step: step, wallTime: wallTime, body)
    }

    /// Reports `value`, of the wanted scalar series `index`, when it holds one number.
    private func emitScalar(
        _ value: ValueView,
        index: Int,
        step: Int64,
        wallTime: Double,
        _ body: (ScalarPoint) -> Void
    ) throws(WireDecodingError) {
        let scalar: Double?
        switch value.kind {
        case .simpleValue(let float): scalar = Double(float)
        case .tensor(let tensor):
            if let fast = FastWire.floatScalar(tensor) {
                scalar = fast
            } else {
                scalar = try TensorValues.scalar(fromEncoded: tensor)
            }
        default: scalar = nil
        }
        guard let scalar else { return }
        body(ScalarPoint(seriesIndex: index, step: step, wallTime: wallTime, value: scalar))
    }
}

/// Fixed-form readers for the byte layouts scalar writers produce. Each returns `nil` for anything it does not
/// recognise (including malformed bytes), and the caller then uses the general decoder. They work on raw
/// pointers with the end of the enclosing field, and never read at or past it.
enum FastWire {
    /// A varint at `position` (advanced past it), or `nil` when it runs to `end`, is over ten bytes or
    /// overflows 64 bits.
    @inline(__always)
    static func varint(_ position: inout UnsafeRawPointer, _ end: UnsafeRawPointer) -> UInt64? {
        var result: UInt64 = 0
        var shift: UInt64 = 0
        var next = position
        while next < end {
            let byte = next.load(as: UInt8.self)
            next += 1
            result |= UInt64(byte & 0x7F) &<< shift
            if byte < 0x80 {
                guard shift < 63 || byte <= 1 else { return nil }
                position = next
                return result
            }
            shift &+= 7
            guard shift < 64 else { return nil }
        }
        return nil
    }

    /// A length prefix at `position` (advanced past it) whose bytes fit before `end`.
    @inline(__always)
    static func length(_ position: inout UnsafeRawPointer, _ end: UnsafeRawPointer) -> Int? {
        guard position < end else { return nil }
        let first = position.load(as: UInt8.self)
        let length: UInt64
        if first < 0x80 {
            position += 1
            length = UInt64(first)
        } else {
            guard let value = varint(&position, end) else { return nil }
            length = value
        }
        guard length <= UInt64(end - position) else { return nil }
        return Int(length)
    }

    /// The wall time, step and value of an event laid out as scalar writers lay out an event of one value:
    /// `09 <wall_time>`, `10 <step>` (absent at step 0), then `2a <n> 0a <n - 2>`, a summary holding one value
    /// that runs to `end`, both lengths in one byte. `value` is where the value's fields start.
    @inline(__always)
    static func scalarEvent(
        _ start: UnsafeRawPointer,
        _ end: UnsafeRawPointer
    ) -> (wallTime: Double, step: Int64, value: UnsafeRawPointer)? {
        guard end - start >= 13, start.load(as: UInt8.self) == 0x09 else { return nil }
        let wallTime = Double(bitPattern: UInt64(littleEndian: start.loadUnaligned(fromByteOffset: 1, as: UInt64.self)))
        var position = start + 9
        var step: Int64 = 0
        if position.load(as: UInt8.self) == 0x10 {
            position += 1
            guard let value = varint(&position, end) else { return nil }
            step = Int64(bitPattern: value)
        }
        guard end - position >= 4, position.load(as: UInt8.self) == 0x2A,
            position.load(fromByteOffset: 2, as: UInt8.self) == 0x0A
        else { return nil }
        let summaryLength = Int(position.load(fromByteOffset: 1, as: UInt8.self))
        let valueLength = Int(position.load(fromByteOffset: 3, as: UInt8.self))
        // Both lengths must be one-byte varints: a first byte of 0x80 or 0x81 starts a longer length (which
        // can pass the other checks by chance, as the fuzzer found).
        guard summaryLength < 0x80, summaryLength == end - position - 2, valueLength == summaryLength - 2 else {
            return nil
        }
        return (wallTime, step, position + 4)
    }

    /// The tag and number of a `Summary.Value` laid out as scalar writers lay it out: the tag, then a
    /// `simple_value` or a rank-0 DT_FLOAT tensor with one packed `float_val` (as TF2, Keras and our writer store
    /// it), then perhaps metadata, and nothing else. The value's bytes run from `start` to `end`.
    ///
    /// A value of a known scalar series needs nothing more (its metadata is only read for a series' first value),
    /// so this is the whole of the hot path's decoding.
    @inline(__always)
    static func scalarValue(
        _ start: UnsafeRawPointer,
        _ end: UnsafeRawPointer
    ) -> (tag: UnsafeRawBufferPointer, number: Double)? {
        guard end - start >= 2, start.load(as: UInt8.self) == 0x0A else { return nil }
        let tagLength = Int(start.load(fromByteOffset: 1, as: UInt8.self))
        var position = start + 2
        guard tagLength < 0x80, end - position >= tagLength else { return nil }
        let tag = UnsafeRawBufferPointer(start: position, count: tagLength)
        position += tagLength
        let number: Double
        if end - position >= 12, position.loadUnaligned(as: UInt64.self) == Self.packedFloatTensorPrefix {
            let bits = UInt32(littleEndian: position.loadUnaligned(fromByteOffset: 8, as: UInt32.self))
            number = Double(Float(bitPattern: bits))
            position += 12
        } else if end - position >= 5, position.load(as: UInt8.self) == 0x15 {
            let bits = UInt32(littleEndian: position.loadUnaligned(fromByteOffset: 1, as: UInt32.self))
            number = Double(Float(bitPattern: bits))
            position += 5
        } else {
            return nil
        }
        if position == end { return (tag, number) }
        // The metadata field, to the end of the value.
        guard end - position >= 2, position.load(as: UInt8.self) == 0x4A else { return nil }
        let metadataLength = Int(position.load(fromByteOffset: 1, as: UInt8.self))
        guard metadataLength < 0x80, metadataLength == end - position - 2 else { return nil }
        return (tag, number)
    }

    /// `42 0a 08 01 12 00 2a 04`: the `tensor` field of 10 bytes holding `dtype: DT_FLOAT`, `tensor_shape: {}`
    /// and the key and length of one packed `float_val`, as an unaligned little-endian load sees it.
    static let packedFloatTensorPrefix = UInt64(littleEndian: 0x042A_0012_0108_0A42)

    /// A `Summary.Value` made only of a tag, a `simple_value` or a tensor, and metadata.
    @inline(__always)
    static func valueView(_ bytes: UnsafeRawBufferPointer) -> ValueView? {
        guard let base = bytes.baseAddress else { return nil }
        var view = ValueView()
        var position = base
        let end = base + bytes.count
        while position < end {
            let key = position.load(as: UInt8.self)
            position += 1
            switch key {
            case 0x0A, 0x42, 0x4A:
                guard let length = length(&position, end) else { return nil }
                let field = UnsafeRawBufferPointer(start: position, count: length)
                position += length
                if key == 0x0A {
                    view.tag = field
                } else if key == 0x42 {
                    view.kind = .tensor(field)
                } else {
                    view.metadata = field
                }
            case 0x15:
                guard end - position >= 4 else { return nil }
                view.kind = .simpleValue(
                    Float(bitPattern: UInt32(littleEndian: position.loadUnaligned(as: UInt32.self)))
                )
                position += 4
            default:
                return nil
            }
        }
        return view
    }

    /// The value of a rank-0 DT_FLOAT or DT_DOUBLE tensor in the forms writers use (`float_val`/`double_val`
    /// packed or not, or `tensor_content`), or `nil` for anything else.
    @inline(__always)
    static func floatScalar(_ tensor: UnsafeRawBufferPointer) -> Double? {
        guard let base = tensor.baseAddress else { return nil }
        // `dtype: DT_FLOAT, tensor_shape: {}, float_val: [x]` packed, as TF2, Keras and our writer store it.
        if tensor.count == 10, base.loadUnaligned(as: UInt32.self) == UInt32(littleEndian: 0x0012_0108),
            base.loadUnaligned(fromByteOffset: 4, as: UInt16.self) == UInt16(littleEndian: 0x042A)
        {
            return Double(
                Float(bitPattern: UInt32(littleEndian: base.loadUnaligned(fromByteOffset: 6, as: UInt32.self)))
            )
        }
        var dataType: UInt8 = 0
        var bits: UInt64 = 0
        var width = 0
        var values = 0
        var position = 0
        let end = tensor.count
        while position < end {
            let key = base.load(fromByteOffset: position, as: UInt8.self)
            position += 1
            switch key {
            case 0x08:
                guard position < end else { return nil }
                dataType = base.load(fromByteOffset: position, as: UInt8.self)
                guard dataType < 0x80 else { return nil }
                position += 1
            case 0x12:
                // Only the empty (rank-0) shape.
                guard position < end, base.load(fromByteOffset: position, as: UInt8.self) == 0 else { return nil }
                position += 1
            case 0x22, 0x2A, 0x32:
                guard position < end else { return nil }
                let size = Int(base.load(fromByteOffset: position, as: UInt8.self))
                position += 1
                guard size == 4 || size == 8, end - position >= size else { return nil }
                bits =
                    size == 4
                    ? UInt64(UInt32(littleEndian: base.loadUnaligned(fromByteOffset: position, as: UInt32.self)))
                    : UInt64(littleEndian: base.loadUnaligned(fromByteOffset: position, as: UInt64.self))
                width = key == 0x22 ? size : (key == 0x2A ? 4 : 8)
                guard width == size else { return nil }
                values += 1
                position += size
            default:
                return nil
            }
        }
        guard values == 1 else { return nil }
        switch (dataType, width) {
        case (1, 4): return Double(Float(bitPattern: UInt32(truncatingIfNeeded: bits)))
        case (2, 8): return Double(bitPattern: bits)
        default: return nil
        }
    }
}
