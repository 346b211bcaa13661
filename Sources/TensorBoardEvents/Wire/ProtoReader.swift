// ProtoReader.swift: reads protobuf fields from borrowed bytes without copying them.

/// A protobuf decoder over bytes it borrows: it never copies the input, and length-delimited fields come back
/// as views into the same memory.
///
/// The caller keeps the bytes alive for as long as the reader and the views it returned are used (in
/// practice: inside one `withUnsafeBytes` call). Every read checks bounds; malformed input is reported as a
/// ``WireDecodingError`` carrying the offset from the start of the outermost message, never a crash.
package struct ProtoReader {
    /// The largest nesting depth accepted, as in the reference implementations.
    package static let maximumDepth = 100

    @usableFromInline let start: UnsafeRawPointer?
    @usableFromInline let end: Int
    /// The read position, relative to `start`.
    @usableFromInline package var position: Int
    /// Offset of `start` within the outermost message (for error offsets).
    @usableFromInline package let baseOffset: Int
    /// Nesting depth of this message: 0 for the outermost.
    package let depth: Int

    /// Creates a reader over `bytes`.
    /// - Parameters:
    ///   - bytes: The encoded message. It must stay valid while the reader and its views are used.
    ///   - baseOffset: Offset of `bytes` within the outermost message, added to error offsets.
    ///   - depth: Nesting depth, 0 for an outermost message.
    @inlinable
    package init(_ bytes: UnsafeRawBufferPointer, baseOffset: Int = 0, depth: Int = 0) {
        self.start = bytes.baseAddress
        self.end = bytes.count
        self.position = 0
        self.baseOffset = baseOffset
        self.depth = depth
    }

    /// Whether every byte has been read.
    @inlinable
    package var isAtEnd: Bool { position >= end }

    /// Moves the read position to the end (for a caller that has read the rest through a copy of the reader).
    @inlinable
    package mutating func skipToEnd() {
        position = end
    }

    /// The offset of the read position within the outermost message.
    @inlinable
    package var absoluteOffset: Int { baseOffset + position }

    // MARK: Primitives

    /// Reads a varint.
    /// - Throws: `.truncated` when the input ends inside it, `.malformedVarint` when it is over ten bytes or
    ///   overflows 64 bits.
    @inlinable @inline(__always)
    package mutating func readVarint() throws(WireDecodingError) -> UInt64 {
        guard let start, position < end else { throw .truncated(offset: absoluteOffset) }
        let first = start.load(fromByteOffset: position, as: UInt8.self)
        if first < 0x80 {
            position += 1
            return UInt64(first)
        }
        return try readVarintSlow()
    }

    @usableFromInline
    mutating func readVarintSlow() throws(WireDecodingError) -> UInt64 {
        guard let start else { throw .truncated(offset: absoluteOffset) }
        switch Varint.decode(start + position, count: end - position) {
        case .value(let value, let size):
            position += size
            return value
        case .truncated: throw .truncated(offset: absoluteOffset)
        case .malformed: throw .malformedVarint(offset: absoluteOffset)
        }
    }

    /// Reads four little-endian bytes.
    @inlinable @inline(__always)
    package mutating func readFixed32() throws(WireDecodingError) -> UInt32 {
        guard let start, end - position >= 4 else { throw .truncated(offset: absoluteOffset) }
        let value = start.loadUnaligned(fromByteOffset: position, as: UInt32.self)
        position += 4
        return UInt32(littleEndian: value)
    }

    /// Reads eight little-endian bytes.
    @inlinable @inline(__always)
    package mutating func readFixed64() throws(WireDecodingError) -> UInt64 {
        guard let start, end - position >= 8 else { throw .truncated(offset: absoluteOffset) }
        let value = start.loadUnaligned(fromByteOffset: position, as: UInt64.self)
        position += 8
        return UInt64(littleEndian: value)
    }

    /// Reads a length prefix and returns a view of the bytes it covers.
    /// - Throws: `.truncated` when the length runs past the end of the message.
    @inlinable @inline(__always)
    package mutating func readLengthDelimited() throws(WireDecodingError) -> UnsafeRawBufferPointer {
        let keyOffset = absoluteOffset
        let length = try readVarint()
        guard length <= UInt64(end - position), let start else {
            throw .truncated(offset: keyOffset)
        }
        let view = UnsafeRawBufferPointer(start: start + position, count: Int(length))
        position += Int(length)
        return view
    }

    /// Reads the next field key, or returns `nil` at the end of the message.
    /// - Throws: `.invalidFieldKey` for field number 0, too large, or wire type 6 or 7.
    @inlinable @inline(__always)
    package mutating func readKey() throws(WireDecodingError) -> FieldTag? {
        guard let start, position < end else { return nil }
        let first = start.load(fromByteOffset: position, as: UInt8.self)
        // One-byte keys (fields 1 to 15) are nearly all keys; wire types 6 and 7 and field 0 are invalid.
        if first < 0x80, first >= 8, let wireType = WireType(keyBits: first & 7) {
            position += 1
            return FieldTag(uncheckedFieldNumber: UInt32(first >> 3), wireType: wireType)
        }
        let keyOffset = absoluteOffset
        let raw = try readVarint()
        guard let tag = FieldTag(rawValue: raw) else { throw .invalidFieldKey(raw, offset: keyOffset) }
        return tag
    }

    /// A reader for the embedded message whose bytes are `view` (a view this reader returned).
    /// - Throws: `.nestingTooDeep` past ``maximumDepth``.
    @inlinable @inline(__always)
    package func nestedReader(for view: UnsafeRawBufferPointer) throws(WireDecodingError) -> ProtoReader {
        guard depth + 1 < Self.maximumDepth else {
            throw .nestingTooDeep(limit: Self.maximumDepth, offset: absoluteOffset - view.count)
        }
        let offset: Int
        if let viewStart = view.baseAddress, let start {
            offset = baseOffset + (viewStart - start)
        } else {
            offset = absoluteOffset
        }
        return ProtoReader(view, baseOffset: offset, depth: depth + 1)
    }

    /// Reads a length-delimited field and returns a reader for the message inside it.
    @inlinable @inline(__always)
    package mutating func readMessage() throws(WireDecodingError) -> ProtoReader {
        let view = try readLengthDelimited()
        return try nestedReader(for: view)
    }

    // MARK: Skipping

    /// Skips the value of a field with the given tag (for unknown fields).
    /// - Throws: `.truncated`, `.malformedVarint`, `.unmatchedEndGroup` or `.nestingTooDeep`.
    package mutating func skipValue(of tag: FieldTag) throws(WireDecodingError) {
        switch tag.wireType {
        case .varint: _ = try readVarint()
        case .fixed64: _ = try readFixed64()
        case .fixed32: _ = try readFixed32()
        case .lengthDelimited: _ = try readLengthDelimited()
        case .startGroup: try skipGroup(number: tag.fieldNumber)
        case .endGroup: throw .unmatchedEndGroup(offset: absoluteOffset)
        }
    }

    /// Skips fields up to and including the end-group key that closes group `number`.
    private mutating func skipGroup(number: UInt32) throws(WireDecodingError) {
        var openGroups: [UInt32] = [number]
        while let last = openGroups.last {
            guard depth + openGroups.count < Self.maximumDepth else {
                throw .nestingTooDeep(limit: Self.maximumDepth, offset: absoluteOffset)
            }
            let keyOffset = absoluteOffset
            guard let tag = try readKey() else { throw .truncated(offset: keyOffset) }
            switch tag.wireType {
            case .startGroup:
                openGroups.append(tag.fieldNumber)
            case .endGroup:
                guard tag.fieldNumber == last else { throw .unmatchedEndGroup(offset: keyOffset) }
                openGroups.removeLast()
            default:
                try skipValue(of: tag)
            }
        }
    }
}

// MARK: Typed values

extension ProtoReader {
    /// Reads a string field's bytes as UTF-8, replacing invalid sequences with U+FFFD.
    @inlinable
    package mutating func readString() throws(WireDecodingError) -> String {
        let view = try readLengthDelimited()
        return String(decoding: view, as: UTF8.self)
    }

    /// Reads a bytes field into a new array.
    @inlinable
    package mutating func readBytes() throws(WireDecodingError) -> [UInt8] {
        [UInt8](try readLengthDelimited())
    }

    /// Reads a double (wire type 1).
    @inlinable
    package mutating func readDouble() throws(WireDecodingError) -> Double {
        Double(bitPattern: try readFixed64())
    }

    /// Reads a float (wire type 5).
    @inlinable
    package mutating func readFloat() throws(WireDecodingError) -> Float {
        Float(bitPattern: try readFixed32())
    }

    /// Reads an `int64` varint.
    @inlinable
    package mutating func readInt64() throws(WireDecodingError) -> Int64 {
        Int64(bitPattern: try readVarint())
    }

    /// Reads an `int32` (or enum) varint, truncated to 32 bits as protobuf does.
    @inlinable
    package mutating func readInt32() throws(WireDecodingError) -> Int32 {
        Int32(truncatingIfNeeded: try readVarint())
    }

    /// Reads a bool varint (any non-zero value is true).
    @inlinable
    package mutating func readBool() throws(WireDecodingError) -> Bool {
        try readVarint() != 0
    }

    /// Appends the elements of a packed repeated `float` field.
    /// - Throws: `.truncated` when the field's length is not a multiple of 4 or runs past the end.
    @inlinable
    package mutating func readPackedFloats(into values: inout [Float]) throws(WireDecodingError) {
        try readPackedFixed(into: &values, as: UInt32.self) { Float(bitPattern: $0) }
    }

    /// Appends the elements of a packed repeated `double` field.
    /// - Throws: `.truncated` when the field's length is not a multiple of 8 or runs past the end.
    @inlinable
    package mutating func readPackedDoubles(into values: inout [Double]) throws(WireDecodingError) {
        try readPackedFixed(into: &values, as: UInt64.self) { Double(bitPattern: $0) }
    }

    /// Appends the elements of a packed repeated fixed-width field whose elements are little-endian `Word`s,
    /// each converted by `convert`.
    @inlinable
    mutating func readPackedFixed<Word: FixedWidthInteger, Element>(
        into values: inout [Element],
        as word: Word.Type,
        _ convert: (Word) -> Element
    ) throws(WireDecodingError) {
        let view = try readLengthDelimited()
        let size = MemoryLayout<Word>.size
        guard view.count % size == 0 else { throw .truncated(offset: absoluteOffset) }
        values.reserveCapacity(values.count + view.count / size)
        for offset in stride(from: 0, to: view.count, by: size) {
            values.append(convert(Word(littleEndian: view.loadUnaligned(fromByteOffset: offset, as: Word.self))))
        }
    }

    /// Appends the elements of a packed repeated varint field, each converted by `convert` (which truncates as
    /// the declared type does).
    /// - Throws: `.truncated` or `.malformedVarint` for a bad element.
    @inlinable
    package mutating func readPackedVarints<T>(
        into values: inout [T],
        _ convert: (UInt64) -> T
    ) throws(WireDecodingError) {
        var packed = try readMessage()
        while !packed.isAtEnd {
            values.append(convert(try packed.readVarint()))
        }
    }

    /// Decodes the embedded message in a length-delimited field, merging it into `message` as protobuf does
    /// for a singular message field that appears more than once.
    @inlinable
    package mutating func readMessage<M: WireCodable>(into message: inout M) throws(WireDecodingError) {
        var nested = try readMessage()
        try message.merge(from: &nested)
    }

    /// Decodes the embedded message in a length-delimited field as a new value.
    @inlinable
    package mutating func readMessage<M: WireCodable>(_ type: M.Type = M.self) throws(WireDecodingError) -> M {
        var message = M()
        try readMessage(into: &message)
        return message
    }
}
