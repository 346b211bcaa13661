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
        guard let base = payload.baseAddress else { return EventHeader(wallTime: 0, step: 0, content: .none) }
        let count = payload.count
        var position = 0
        var wallTime = 0.0
        var step: Int64 = 0
        var summaryStart = -1
        var summaryEnd = -1
        while position < count {
            switch base.load(fromByteOffset: position, as: UInt8.self) {
            case 0x09:
                guard count - position >= 9 else { return try decodeScalarsInGeneral(payload, body) }
                wallTime = Double(
                    bitPattern: UInt64(littleEndian: base.loadUnaligned(fromByteOffset: position + 1, as: UInt64.self))
                )
                position += 9
            case 0x10:
                position += 1
                guard let value = FastWire.varint(base, &position, count) else {
                    return try decodeScalarsInGeneral(payload, body)
                }
                step = Int64(bitPattern: value)
            case 0x2A where summaryStart < 0:
                position += 1
                guard let length = FastWire.length(base, &position, count) else {
                    return try decodeScalarsInGeneral(payload, body)
                }
                summaryStart = position
                summaryEnd = position + length
                position = summaryEnd
            default:
                // A file version, another kind of event, a second summary or an unknown field.
                return try decodeScalarsInGeneral(payload, body)
            }
        }
        guard summaryStart >= 0 else { return EventHeader(wallTime: wallTime, step: step, content: .none) }
        position = summaryStart
        var valueCount = 0
        while position < summaryEnd {
            guard base.load(fromByteOffset: position, as: UInt8.self) == 0x0A else {
                // Not a value field: let the general decoder walk the rest of this summary.
                var rest = ProtoReader(
                    UnsafeRawBufferPointer(start: base + position, count: summaryEnd - position),
                    baseOffset: position,
                    depth: 1
                )
                valueCount += try walkScalars(&rest, step: step, wallTime: wallTime, body)
                break
            }
            let keyPosition = position
            position += 1
            guard let length = FastWire.length(base, &position, summaryEnd) else {
                var rest = ProtoReader(
                    UnsafeRawBufferPointer(start: base + keyPosition, count: summaryEnd - keyPosition),
                    baseOffset: keyPosition,
                    depth: 1
                )
                valueCount += try walkScalars(&rest, step: step, wallTime: wallTime, body)
                break
            }
            let valueBytes = UnsafeRawBufferPointer(start: base + position, count: length)
            position += length
            let value: ValueView
            if let fast = FastWire.valueView(valueBytes) {
                value = fast
            } else {
                var reader = ProtoReader(valueBytes, baseOffset: position - length, depth: 2)
                value = try ValueView(&reader)
            }
            valueCount += 1
            try emitScalar(value, step: step, wallTime: wallTime, body)
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

    /// Reports `value` when it belongs to a wanted scalar series and holds one number.
    @inline(__always)
    private mutating func emitScalar(
        _ value: ValueView,
        step: Int64,
        wallTime: Double,
        _ body: (ScalarPoint) -> Void
    ) throws(WireDecodingError) {
        guard let (index, kind) = try wantedSeries(of: value), kind == .scalar else { return }
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
/// recognise (including malformed bytes), and the caller then uses the general decoder.
enum FastWire {
    /// A varint at `position` (advanced past it), or `nil` when it runs past `end` or is over ten bytes.
    @inline(__always)
    static func varint(_ base: UnsafeRawPointer, _ position: inout Int, _ end: Int) -> UInt64? {
        var result: UInt64 = 0
        var shift: UInt64 = 0
        while position < end, shift < 64 {
            let byte = base.load(fromByteOffset: position, as: UInt8.self)
            position += 1
            result |= UInt64(byte & 0x7F) << shift
            if byte < 0x80 { return shift == 63 && byte > 1 ? nil : result }
            shift += 7
        }
        return nil
    }

    /// A length prefix at `position` whose bytes fit before `end`.
    @inline(__always)
    static func length(_ base: UnsafeRawPointer, _ position: inout Int, _ end: Int) -> Int? {
        guard let value = varint(base, &position, end), value <= UInt64(end - position) else { return nil }
        return Int(value)
    }

    /// A `Summary.Value` made only of a tag, a `simple_value` or a tensor, and metadata.
    @inline(__always)
    static func valueView(_ bytes: UnsafeRawBufferPointer) -> ValueView? {
        guard let base = bytes.baseAddress else { return nil }
        var view = ValueView()
        var position = 0
        let end = bytes.count
        while position < end {
            let key = base.load(fromByteOffset: position, as: UInt8.self)
            position += 1
            switch key {
            case 0x0A, 0x42, 0x4A:
                guard let length = length(base, &position, end) else { return nil }
                let field = UnsafeRawBufferPointer(start: base + position, count: length)
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
                    Float(
                        bitPattern: UInt32(littleEndian: base.loadUnaligned(fromByteOffset: position, as: UInt32.self))
                    )
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
