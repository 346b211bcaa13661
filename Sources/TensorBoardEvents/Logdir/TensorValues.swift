// TensorValues.swift: the numbers inside a TensorProto, as TensorBoard's loaders read them.

/// Reads the numeric elements of a tensor the way TensorBoard's loaders do: from `tensor_content` when it is
/// not empty (packed little-endian elements of the tensor's type), otherwise from the typed list that matches
/// the type, where a single element fills the whole shape.
package enum TensorValues {
    /// The value of a one-element numeric tensor, from its encoding.
    /// - Returns: As ``scalar(fromEncoded:baseOffset:)-(UnsafeRawBufferPointer,_)``.
    /// - Throws: ``WireDecodingError`` when the tensor bytes are malformed.
    package static func scalar(fromEncoded tensor: [UInt8]) throws(WireDecodingError) -> Double? {
        var error: WireDecodingError?
        let value = tensor.withUnsafeBytes { bytes -> Double? in
            do throws(WireDecodingError) {
                return try scalar(fromEncoded: bytes)
            } catch let thrown {
                error = thrown
                return nil
            }
        }
        if let error { throw error }
        return value
    }

    /// The value of a one-element numeric tensor, from its encoded bytes, without allocating.
    ///
    /// - Returns: The element as a `Double` (exact for every type but 64-bit integers beyond 2^53), or `nil`
    ///   when the tensor is not numeric or does not hold exactly one element.
    /// - Throws: ``WireDecodingError`` when the tensor bytes are malformed.
    @inlinable
    package static func scalar(
        fromEncoded tensor: UnsafeRawBufferPointer,
        baseOffset: Int = 0
    ) throws(WireDecodingError) -> Double? {
        var reader = ProtoReader(tensor, baseOffset: baseOffset)
        var dataType: Int32 = 0
        var elementCount = 1
        var content = UnsafeRawBufferPointer(start: nil, count: 0)
        // The first element and element count of each typed list, by field number (5...17).
        var firsts = (UInt64(0), UInt64(0), UInt64(0), UInt64(0), UInt64(0), UInt64(0), UInt64(0), UInt64(0))
        var counts = (0, 0, 0, 0, 0, 0, 0, 0)
        while let tag = try reader.readKey() {
            switch (tag.fieldNumber, tag.wireType) {
            case (1, .varint): dataType = try reader.readInt32()
            case (2, .lengthDelimited):
                let shape = try reader.readMessage()
                elementCount = shape.isAtEnd ? 1 : try shapeElementCount(shape)
            case (4, .lengthDelimited): content = try reader.readLengthDelimited()
            case (5, .lengthDelimited):
                let view = try reader.readLengthDelimited()
                if counts.0 == 0, view.count >= 4 {
                    firsts.0 = UInt64(UInt32(littleEndian: view.loadUnaligned(as: UInt32.self)))
                }
                counts.0 += view.count / 4
            case (5, .fixed32):
                let bits = try reader.readFixed32()
                if counts.0 == 0 { firsts.0 = UInt64(bits) }
                counts.0 += 1
            case (6, .lengthDelimited):
                let view = try reader.readLengthDelimited()
                if counts.1 == 0, view.count >= 8 {
                    firsts.1 = UInt64(littleEndian: view.loadUnaligned(as: UInt64.self))
                }
                counts.1 += view.count / 8
            case (6, .fixed64):
                let bits = try reader.readFixed64()
                if counts.1 == 0 { firsts.1 = bits }
                counts.1 += 1
            case (7, .varint), (7, .lengthDelimited):
                try readVarints(tag, &reader, first: &firsts.2, count: &counts.2)
            case (10, .varint), (10, .lengthDelimited):
                try readVarints(tag, &reader, first: &firsts.3, count: &counts.3)
            case (11, .varint), (11, .lengthDelimited):
                try readVarints(tag, &reader, first: &firsts.4, count: &counts.4)
            case (13, .varint), (13, .lengthDelimited):
                try readVarints(tag, &reader, first: &firsts.5, count: &counts.5)
            case (16, .varint), (16, .lengthDelimited):
                try readVarints(tag, &reader, first: &firsts.6, count: &counts.6)
            case (17, .varint), (17, .lengthDelimited):
                try readVarints(tag, &reader, first: &firsts.7, count: &counts.7)
            default: try reader.skipValue(of: tag)
            }
        }
        guard elementCount == 1 else { return nil }
        if !content.isEmpty {
            guard let size = DataType(rawValue: dataType).elementSize, content.count == size, dataType != 8,
                dataType != 18
            else {
                return nil
            }
            return element(of: content, at: 0, dataType: dataType)
        }
        // Only the list that matches the type counts, and it must hold exactly one element.
        let (first, count): (UInt64, Int)
        switch dataType {
        case 1: (first, count) = (firsts.0, counts.0)
        case 2: (first, count) = (firsts.1, counts.1)
        case 3, 4, 5, 6, 17: (first, count) = (firsts.2, counts.2)
        case 9: (first, count) = (firsts.3, counts.3)
        case 10: (first, count) = (firsts.4, counts.4)
        case 14, 19: (first, count) = (firsts.5, counts.5)
        case 22: (first, count) = (firsts.6, counts.6)
        case 23: (first, count) = (firsts.7, counts.7)
        default: return nil
        }
        guard count == 1 else { return nil }
        return listElement(first, dataType: dataType)
    }

    /// Reads a repeated varint field (packed or not), keeping its first element and adding to its count.
    @usableFromInline
    static func readVarints(
        _ tag: FieldTag,
        _ reader: inout ProtoReader,
        first: inout UInt64,
        count: inout Int
    ) throws(WireDecodingError) {
        if tag.wireType == .varint {
            let value = try reader.readVarint()
            if count == 0 { first = value }
            count += 1
            return
        }
        var packed = try reader.readMessage()
        while !packed.isAtEnd {
            let value = try packed.readVarint()
            if count == 0 { first = value }
            count += 1
        }
    }

    /// Converts the raw first element of the typed list that matches `dataType` to a `Double`.
    @usableFromInline
    static func listElement(_ raw: UInt64, dataType: Int32) -> Double? {
        switch dataType {
        case 1: return Double(Float(bitPattern: UInt32(truncatingIfNeeded: raw)))
        case 2: return Double(bitPattern: raw)
        case 3, 5, 6: return Double(Int32(truncatingIfNeeded: raw))
        case 4: return Double(UInt8(truncatingIfNeeded: raw))
        case 17: return Double(UInt16(truncatingIfNeeded: raw))
        case 9: return Double(Int64(bitPattern: raw))
        case 10: return raw != 0 ? 1 : 0
        case 14: return Double(Float(bitPattern: UInt32(UInt16(truncatingIfNeeded: raw)) << 16))
        case 19: return Double(halfToFloat(UInt16(truncatingIfNeeded: raw)))
        case 22: return Double(UInt32(truncatingIfNeeded: raw))
        case 23: return Double(raw)
        default: return nil
        }
    }

    /// The number of elements of an encoded shape (1 for rank 0); -1 for an unknown or negative dimension.
    @usableFromInline
    static func shapeElementCount(_ shape: ProtoReader) throws(WireDecodingError) -> Int {
        var reader = shape
        var count = 1
        while let tag = try reader.readKey() {
            guard tag.fieldNumber == 2, tag.wireType == .lengthDelimited else {
                try reader.skipValue(of: tag)
                continue
            }
            var dimension = try reader.readMessage()
            var size: Int64 = 0
            while let field = try dimension.readKey() {
                if field.fieldNumber == 1, field.wireType == .varint {
                    size = try dimension.readInt64()
                } else {
                    try dimension.skipValue(of: field)
                }
            }
            guard size >= 0, size <= Int64(Int32.max) else { return -1 }
            let (product, overflow) = count.multipliedReportingOverflow(by: Int(size))
            count = overflow ? -1 : product
            if count < 0 { return -1 }
        }
        return count
    }

    /// Element `index` of packed little-endian `content` of the given type, as a `Double`.
    @inlinable
    package static func element(of content: UnsafeRawBufferPointer, at index: Int, dataType: Int32) -> Double? {
        switch dataType {
        case 1:
            return Double(
                Float(
                    bitPattern: UInt32(littleEndian: content.loadUnaligned(fromByteOffset: index * 4, as: UInt32.self))
                )
            )
        case 2:
            return Double(
                bitPattern: UInt64(littleEndian: content.loadUnaligned(fromByteOffset: index * 8, as: UInt64.self))
            )
        case 3: return Double(Int32(littleEndian: content.loadUnaligned(fromByteOffset: index * 4, as: Int32.self)))
        case 4: return Double(content[index])
        case 5: return Double(Int16(littleEndian: content.loadUnaligned(fromByteOffset: index * 2, as: Int16.self)))
        case 6: return Double(Int8(bitPattern: content[index]))
        case 9: return Double(Int64(littleEndian: content.loadUnaligned(fromByteOffset: index * 8, as: Int64.self)))
        case 10: return content[index] != 0 ? 1 : 0
        case 14:
            return Double(
                Float(
                    bitPattern: UInt32(
                        UInt16(littleEndian: content.loadUnaligned(fromByteOffset: index * 2, as: UInt16.self))
                    ) << 16
                )
            )
        case 17: return Double(UInt16(littleEndian: content.loadUnaligned(fromByteOffset: index * 2, as: UInt16.self)))
        case 19:
            return Double(
                halfToFloat(UInt16(littleEndian: content.loadUnaligned(fromByteOffset: index * 2, as: UInt16.self)))
            )
        case 22: return Double(UInt32(littleEndian: content.loadUnaligned(fromByteOffset: index * 4, as: UInt32.self)))
        case 23: return Double(UInt64(littleEndian: content.loadUnaligned(fromByteOffset: index * 8, as: UInt64.self)))
        default: return nil
        }
    }

    /// The most elements that a single typed-list element may be repeated to fill (16 Mi, 128 MiB of doubles).
    ///
    /// A record cannot claim more memory than its own size through `tensor_content` or a full list, but one
    /// element may "fill" any shape; a larger fill is not decoded, so that a hostile shape cannot exhaust memory.
    package static let maximumFilledElementCount = 1 << 24

    /// Every element of a numeric tensor as `Double`, in row-major order, or `nil` when the tensor is not numeric,
    /// its shape is invalid (a negative size, or a product that overflows), its element count does not match its
    /// shape, or a single element would fill more than ``maximumFilledElementCount`` elements.
    package static func numbers(of tensor: TensorProto) -> [Double]? {
        let type = tensor.dataType.rawValue
        let shapeCount: Int
        if let shape = tensor.shape {
            guard let count = shape.elementCount else { return nil }
            shapeCount = count
        } else {
            shapeCount = 1
        }
        if !tensor.tensorContent.isEmpty {
            guard let size = tensor.dataType.elementSize, type != 8, type != 18 else { return nil }
            let (byteCount, overflow) = shapeCount.multipliedReportingOverflow(by: size)
            guard !overflow, tensor.tensorContent.count == byteCount else { return nil }
            return tensor.tensorContent.withUnsafeBytes { content in
                (0..<shapeCount).compactMap { element(of: content, at: $0, dataType: type) }
            }
        }
        let list: [Double]
        switch tensor.dataType {
        case .float: list = tensor.floatValues.map(Double.init)
        case .double: list = tensor.doubleValues
        case .int32, .int16, .int8, .uint8, .uint16: list = tensor.intValues.map(Double.init)
        case .int64: list = tensor.int64Values.map(Double.init)
        case .bool: list = tensor.boolValues.map { $0 ? 1 : 0 }
        case .half: list = tensor.halfValues.map { Double(halfToFloat(UInt16(truncatingIfNeeded: $0))) }
        case .bfloat16:
            list = tensor.halfValues.map { Double(Float(bitPattern: UInt32(UInt16(truncatingIfNeeded: $0)) << 16)) }
        case .uint32: list = tensor.uint32Values.map(Double.init)
        case .uint64: list = tensor.uint64Values.map(Double.init)
        default: return nil
        }
        if list.count == shapeCount { return list }
        if list.count == 1 {
            guard shapeCount <= maximumFilledElementCount else { return nil }
            return Array(repeating: list[0], count: shapeCount)
        }
        if list.isEmpty && shapeCount == 0 { return [] }
        return nil
    }

    /// Converts IEEE binary16 bits to a `Float` (exactly: every half value is a float value).
    @inlinable
    package static func halfToFloat(_ bits: UInt16) -> Float {
        let sign = UInt32(bits & 0x8000) << 16
        let exponent = Int((bits >> 10) & 0x1F)
        let mantissa = UInt32(bits & 0x3FF)
        switch exponent {
        case 0:
            // Zero or subnormal: mantissa × 2^-24.
            let magnitude = Float(mantissa) * Float(sign: .plus, exponent: -24, significand: 1)
            return Float(bitPattern: sign | magnitude.bitPattern)
        case 0x1F:
            return Float(bitPattern: sign | 0x7F80_0000 | (mantissa << 13))
        default:
            return Float(bitPattern: sign | (UInt32(exponent + 112) << 23) | (mantissa << 13))
        }
    }
}
