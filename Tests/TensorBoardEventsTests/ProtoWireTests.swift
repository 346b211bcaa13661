import TestSupport
import Testing

@testable import TensorBoardEvents

/// Encodes with `write`, compares with `expected`, and returns the bytes.
private func encoded(_ write: (inout ProtoWriter) -> Void) -> [UInt8] {
    var writer = ProtoWriter(capacity: 16)
    write(&writer)
    return writer.bytes
}

/// Runs `read` over `input` and returns its result or the error it threw.
private func decode<T>(_ input: [UInt8], _ read: (inout ProtoReader) throws -> T) -> Result<T, WireDecodingError> {
    input.withUnsafeBytes { buffer in
        var reader = ProtoReader(buffer)
        do {
            return .success(try read(&reader))
        } catch let error as WireDecodingError {
            return .failure(error)
        } catch {
            fatalError("unexpected error type: \(error)")
        }
    }
}

/// Reads one key and skips its value; `true` on success.
private func skipOneField(_ reader: inout ProtoReader) throws -> Bool {
    guard let tag = try reader.readKey() else { return false }
    try reader.skipValue(of: tag)
    return true
}

@Suite struct VarintTests {
    static let vectors: [(UInt64, [UInt8])] = [
        (0, [0x00]),
        (1, [0x01]),
        (127, [0x7F]),
        (128, [0x80, 0x01]),
        (300, [0xAC, 0x02]),
        (16_383, [0xFF, 0x7F]),
        (16_384, [0x80, 0x80, 0x01]),
        (UInt64(Int64.max), [0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x7F]),
        (UInt64.max, [0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x01]),
    ]

    @Test(arguments: vectors)
    func encodesAndDecodesVarints(value: UInt64, wire: [UInt8]) throws {
        #expect(encoded { $0.writeVarint(value) } == wire)
        #expect(Varint.encodedSize(of: value) == wire.count)
        #expect(try decode(wire) { try $0.readVarint() }.get() == value)
    }

    @Test func negativeStepTakesTenBytes() throws {
        // FORMAT.md §2: step = -1 → 10 ff ff ff ff ff ff ff ff ff 01.
        #expect(encoded { $0.writeField(2, int64: -1) } == bytes("10 ff ff ff ff ff ff ff ff ff 01"))
        #expect(Varint.encodedSize(of: UInt64(bitPattern: -1)) == 10)
        #expect(try decode(bytes("ff ff ff ff ff ff ff ff ff 01")) { try $0.readInt64() }.get() == -1)
    }

    @Test func rejectsOverlongVarint() {
        let elevenBytes = [UInt8](repeating: 0x80, count: 10) + [0x01]
        #expect(decode(elevenBytes) { try $0.readVarint() } == .failure(.malformedVarint(offset: 0)))
    }

    @Test func rejectsTenthByteOverflowingSixtyFourBits() {
        let overflow = [UInt8](repeating: 0xFF, count: 9) + [0x02]
        #expect(decode(overflow) { try $0.readVarint() } == .failure(.malformedVarint(offset: 0)))
    }

    @Test func reportsVarintCutShort() {
        #expect(decode([0x80, 0x80]) { try $0.readVarint() } == .failure(.truncated(offset: 0)))
        #expect(decode([]) { try $0.readVarint() } == .failure(.truncated(offset: 0)))
    }
}

@Suite struct ProtoWriterTests {
    @Test func writesFixedWidthLittleEndian() {
        #expect(encoded { $0.writeField(1, double: 1_700_000_000.0) } == bytes("09 00 00 00 40 fc 54 d9 41"))
        #expect(encoded { $0.writeField(2, float: 0.5) } == bytes("15 00 00 00 3f"))
    }

    @Test(arguments: [0, 1, 127, 128, 300, 16_383, 16_384, 70_000])
    func backfillsLengthOfEveryVarintSize(bodyLength: Int) {
        let body = (0..<bodyLength).map { UInt8(truncatingIfNeeded: $0) }
        let viaBackfill = encoded { writer in
            writer.writeByte(0xAA)
            let start = writer.beginLengthDelimited(field: 3)
            body.withUnsafeBytes { writer.writeRawBytes($0) }
            writer.endLengthDelimited(start)
            writer.writeByte(0xBB)
        }
        let direct = encoded { writer in
            writer.writeByte(0xAA)
            writer.writeField(3, bytes: body)
            writer.writeByte(0xBB)
        }
        #expect(viaBackfill == direct)
        #expect(viaBackfill.count == 3 + Varint.encodedSize(of: UInt64(bodyLength)) + bodyLength)
    }

    @Test func writesPackedRepeatedFields() {
        #expect(encoded { $0.writePacked(5, floats: [0.25]) } == bytes("2a 04 00 00 80 3e"))
        #expect(
            encoded { $0.writePacked(7, varints: [Int32(1), 300, -1]) }
                == bytes("3a 0d 01 ac 02 ff ff ff ff ff ff ff ff ff 01")
        )
        #expect(encoded { $0.writePacked(5, floats: []) } == [])
    }

    @Test func reusesItsCapacity() {
        var writer = ProtoWriter(capacity: 16)
        writer.writeField(1, bytes: [UInt8](repeating: 7, count: 1000))
        let grown = writer.capacity
        writer.removeAll()
        writer.writeField(1, bytes: [UInt8](repeating: 7, count: 1000))
        #expect(writer.capacity == grown)
        #expect(writer.count == 1003)
    }
}

@Suite struct ProtoReaderTests {
    @Test func readsFieldsAndSkipsEveryWireType() throws {
        // field 1 varint, field 2 fixed64, field 3 length-delimited, field 4 group holding a nested group and a
        // varint, field 5 fixed32, then field 6 varint: everything but field 6 is skipped.
        let input = bytes(
            "08 96 01  11 01 02 03 04 05 06 07 08  1a 03 61 62 63  23 2b 08 01 2c 10 05 24  2d 01 02 03 04  30 2a"
        )
        let found = try decode(input) { reader -> UInt64? in
            while let tag = try reader.readKey() {
                if tag.fieldNumber == 6 { return try reader.readVarint() }
                try reader.skipValue(of: tag)
            }
            return nil
        }.get()
        #expect(found == 42)
    }

    @Test func rejectsLengthPastTheEnd() {
        #expect(
            decode(bytes("1a 05 61 62")) {
                _ = try $0.readKey()
                return try $0.readLengthDelimited().count
            }
                == .failure(.truncated(offset: 1))
        )
        // A length of 2^63 must not overflow any arithmetic.
        #expect(
            decode(bytes("0a ff ff ff ff ff ff ff ff 7f")) {
                _ = try $0.readKey()
                return try $0.readLengthDelimited().count
            }
                == .failure(.truncated(offset: 1))
        )
    }

    static let invalidKeys: [([UInt8], UInt64)] = [
        ([0x00], 0),  // field number 0
        ([0x0E], 14),  // wire type 6
        ([0x0F], 15),  // wire type 7
        ([0xF8, 0xFF, 0xFF, 0xFF, 0x3F], 0x3_FFFF_FFF8),  // field number 2^31 - 1, above the maximum
    ]

    @Test(arguments: invalidKeys)
    func rejectsInvalidKeys(input: [UInt8], key: UInt64) {
        #expect(decode(input) { try $0.readKey() } == .failure(.invalidFieldKey(key, offset: 0)))
    }

    @Test func rejectsUnmatchedEndGroup() {
        #expect(decode(bytes("0c"), skipOneField) == .failure(.unmatchedEndGroup(offset: 1)))
        // group 1 closed by end-group 2
        #expect(decode(bytes("0b 14"), skipOneField) == .failure(.unmatchedEndGroup(offset: 1)))
    }

    @Test func rejectsNestingTooDeep() {
        // 150 nested length-delimited messages (each "0a <len>"), decoded as Summary.Value's nested fields.
        var message: [UInt8] = []
        for _ in 0..<150 {
            message = [0x0a] + lengthVarint(message.count) + message
        }
        var depthReached = 0
        let result = decode(message) { reader -> Bool in
            var current = reader
            while let tag = try current.readKey() {
                guard tag.wireType == .lengthDelimited else { return false }
                current = try current.readMessage()
                depthReached += 1
            }
            return true
        }
        guard case .failure(.nestingTooDeep(let limit, _)) = result else {
            Issue.record("expected nestingTooDeep, got \(result)")
            return
        }
        #expect(limit == ProtoReader.maximumDepth)
        #expect(depthReached == ProtoReader.maximumDepth - 1)
    }

    @Test func rejectsGroupsNestedTooDeep() {
        let opens = [UInt8](repeating: 0x0b, count: 200)
        #expect(decode(opens, skipOneField) == .failure(.nestingTooDeep(limit: ProtoReader.maximumDepth, offset: 100)))
    }

    @Test func acceptsPackedAndUnpackedRepeatedFields() throws {
        // float_val [0.25, 0.5] packed, then 1.0 unpacked (key 0x2d), as FORMAT.md §2 says readers must.
        let tensor = try TensorProto(serializedBytes: bytes("2a 08 00 00 80 3e 00 00 00 3f  2d 00 00 80 3f"))
        #expect(tensor.floatValues == [0.25, 0.5, 1.0])
        let ints = try TensorProto(serializedBytes: bytes("3a 02 01 02  38 03"))
        #expect(ints.intValues == [1, 2, 3])
    }

    @Test func rejectsPackedFixedFieldOfWrongLength() {
        #expect(throws: WireDecodingError.truncated(offset: 5)) {
            try TensorProto(serializedBytes: bytes("2a 03 00 00 80"))
        }
    }
}

private func lengthVarint(_ length: Int) -> [UInt8] {
    var writer = ProtoWriter(capacity: 16)
    writer.writeVarint(UInt64(length))
    return writer.bytes
}
