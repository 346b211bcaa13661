// ProtoWriter.swift: appends protobuf fields into one reusable raw buffer.

/// An append-only protobuf encoder over a growable raw buffer that is reused from message to message.
///
/// Fields are appended in the order the caller writes them. A length-delimited field whose length is not
/// known in advance is written with ``beginLengthDelimited(field:)`` and ``endLengthDelimited(_:)``: one byte
/// is reserved for the length and the body is moved only in the rare case that the length needs more.
/// `removeAll()` keeps the capacity, so a writer that is reused performs no allocation once it has grown to
/// the largest message it encodes.
package struct ProtoWriter: ~Copyable {
    @usableFromInline package var base: UnsafeMutableRawPointer
    @usableFromInline package var capacity: Int
    /// The number of bytes written so far.
    @usableFromInline package var count: Int

    /// Creates an empty writer.
    /// - Parameter capacity: Bytes to reserve up front.
    package init(capacity: Int = 256) {
        self.capacity = max(capacity, 16)
        self.base = UnsafeMutableRawPointer.allocate(byteCount: self.capacity, alignment: 16)
        self.count = 0
    }

    deinit {
        base.deallocate()
    }

    /// Forgets the bytes written so far and keeps the capacity.
    @inlinable
    package mutating func removeAll() {
        count = 0
    }

    /// Calls `body` with the bytes written so far.
    @inlinable
    package func withUnsafeBytes<R, E: Error>(_ body: (UnsafeRawBufferPointer) throws(E) -> R) throws(E) -> R {
        try body(UnsafeRawBufferPointer(start: base, count: count))
    }

    /// A copy of the bytes written so far.
    package var bytes: [UInt8] {
        [UInt8](UnsafeRawBufferPointer(start: base, count: count))
    }

    /// Makes room for at least `extra` more bytes and returns the address where they go.
    @inlinable @inline(__always)
    package mutating func reserve(_ extra: Int) -> UnsafeMutableRawPointer {
        if count + extra > capacity {
            grow(toAtLeast: count + extra)
        }
        return base + count
    }

    @usableFromInline
    mutating func grow(toAtLeast needed: Int) {
        var newCapacity = capacity * 2
        while newCapacity < needed { newCapacity *= 2 }
        let newBase = UnsafeMutableRawPointer.allocate(byteCount: newCapacity, alignment: 16)
        newBase.copyMemory(from: base, byteCount: count)
        base.deallocate()
        base = newBase
        capacity = newCapacity
    }

    // MARK: Primitives

    /// Appends one byte.
    @inlinable @inline(__always)
    package mutating func writeByte(_ byte: UInt8) {
        reserve(1).storeBytes(of: byte, as: UInt8.self)
        count += 1
    }

    /// Appends `value` as a varint (1 to 10 bytes).
    @inlinable @inline(__always)
    package mutating func writeVarint(_ value: UInt64) {
        // Keys and most lengths take one byte: that case without the loop.
        if value < 0x80 {
            writeByte(UInt8(truncatingIfNeeded: value))
        } else {
            writeLongVarint(value)
        }
    }

    @usableFromInline
    mutating func writeLongVarint(_ value: UInt64) {
        let destination = reserve(Varint.maximumEncodedSize)
        count += Self.storeVarint(value, at: destination)
    }

    /// Stores `value` as a varint at `destination` and returns the number of bytes stored.
    @inlinable
    package static func storeVarint(_ value: UInt64, at destination: UnsafeMutableRawPointer) -> Int {
        var value = value
        var index = 0
        while value >= 0x80 {
            destination.storeBytes(of: UInt8(truncatingIfNeeded: value) | 0x80, toByteOffset: index, as: UInt8.self)
            value >>= 7
            index += 1
        }
        destination.storeBytes(of: UInt8(truncatingIfNeeded: value), toByteOffset: index, as: UInt8.self)
        return index + 1
    }

    /// Appends four little-endian bytes.
    @inlinable @inline(__always)
    package mutating func writeFixed32(_ value: UInt32) {
        reserve(4).storeBytes(of: value.littleEndian, as: UInt32.self)
        count += 4
    }

    /// Appends eight little-endian bytes.
    @inlinable @inline(__always)
    package mutating func writeFixed64(_ value: UInt64) {
        reserve(8).storeBytes(of: value.littleEndian, as: UInt64.self)
        count += 8
    }

    /// Appends raw bytes.
    @inlinable @inline(__always)
    package mutating func writeRawBytes(_ bytes: UnsafeRawBufferPointer) {
        guard let source = bytes.baseAddress, !bytes.isEmpty else { return }
        reserve(bytes.count).copyMemory(from: source, byteCount: bytes.count)
        count += bytes.count
    }

    /// Appends a field key.
    @inlinable @inline(__always)
    package mutating func writeKey(field: UInt32, _ wireType: WireType) {
        writeVarint(UInt64(field) << 3 | UInt64(wireType.rawValue))
    }

    // MARK: Length-delimited fields of unknown length

    /// Writes the key of a length-delimited field and reserves one byte for its length.
    /// - Returns: The position to pass to ``endLengthDelimited(_:)`` once the body is written.
    @inlinable
    package mutating func beginLengthDelimited(field: UInt32) -> Int {
        writeKey(field: field, .lengthDelimited)
        writeByte(0)
        return count
    }

    /// Fills in the length of the field begun at `start`, moving the body if the length needs more than one byte.
    @inlinable
    package mutating func endLengthDelimited(_ start: Int) {
        let length = count - start
        if length < 0x80 {
            base.storeBytes(of: UInt8(truncatingIfNeeded: length), toByteOffset: start - 1, as: UInt8.self)
            return
        }
        let lengthSize = Varint.encodedSize(of: UInt64(length))
        _ = reserve(lengthSize - 1)
        (base + start + lengthSize - 1).copyMemory(from: base + start, byteCount: length)
        _ = Self.storeVarint(UInt64(length), at: base + start - 1)
        count += lengthSize - 1
    }
}

// MARK: Typed fields

extension ProtoWriter {
    /// Appends a varint field (int32, int64, uint32, uint64, enum); negative values take ten bytes.
    @inlinable @inline(__always)
    package mutating func writeField(_ field: UInt32, varint value: UInt64) {
        writeKey(field: field, .varint)
        writeVarint(value)
    }

    /// Appends a signed varint field, sign-extended to 64 bits as protobuf does for `int32` and `int64`.
    @inlinable @inline(__always)
    package mutating func writeField(_ field: UInt32, int64 value: Int64) {
        writeField(field, varint: UInt64(bitPattern: value))
    }

    /// Appends a bool field.
    @inlinable
    package mutating func writeField(_ field: UInt32, bool value: Bool) {
        writeField(field, varint: value ? 1 : 0)
    }

    /// Appends a double field (wire type 1).
    @inlinable @inline(__always)
    package mutating func writeField(_ field: UInt32, double value: Double) {
        writeKey(field: field, .fixed64)
        writeFixed64(value.bitPattern)
    }

    /// Appends a float field (wire type 5).
    @inlinable @inline(__always)
    package mutating func writeField(_ field: UInt32, float value: Float) {
        writeKey(field: field, .fixed32)
        writeFixed32(value.bitPattern)
    }

    /// Appends a bytes field.
    @inlinable @inline(__always)
    package mutating func writeField(_ field: UInt32, bytes: UnsafeRawBufferPointer) {
        writeKey(field: field, .lengthDelimited)
        writeVarint(UInt64(bytes.count))
        writeRawBytes(bytes)
    }

    /// Appends a bytes field.
    @inlinable
    package mutating func writeField(_ field: UInt32, bytes: [UInt8]) {
        bytes.withUnsafeBytes { writeField(field, bytes: $0) }
    }

    /// Appends a string field as UTF-8.
    @inlinable
    package mutating func writeField(_ field: UInt32, string: String) {
        var string = string
        string.withUTF8 { writeField(field, bytes: UnsafeRawBufferPointer($0)) }
    }

    /// Appends a packed repeated float field (nothing when `values` is empty).
    package mutating func writePacked(_ field: UInt32, floats values: [Float]) {
        guard !values.isEmpty else { return }
        writeKey(field: field, .lengthDelimited)
        writeVarint(UInt64(values.count * 4))
        for value in values { writeFixed32(value.bitPattern) }
    }

    /// Appends a packed repeated double field (nothing when `values` is empty).
    package mutating func writePacked(_ field: UInt32, doubles values: [Double]) {
        guard !values.isEmpty else { return }
        writeKey(field: field, .lengthDelimited)
        writeVarint(UInt64(values.count * 8))
        for value in values { writeFixed64(value.bitPattern) }
    }

    /// Appends a packed repeated varint field (nothing when `values` is empty).
    package mutating func writePacked<T: FixedWidthInteger>(_ field: UInt32, varints values: [T]) {
        guard !values.isEmpty else { return }
        let start = beginLengthDelimited(field: field)
        for value in values { writeVarint(UInt64(truncatingIfNeeded: value)) }
        endLengthDelimited(start)
    }
}
