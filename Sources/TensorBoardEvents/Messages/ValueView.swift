// ValueView.swift: the fields of an encoded Summary.Value, read from bytes it borrows.

/// The fields of an encoded `Summary.Value`, read without copying; ``Summary/Value``'s own decoding is built on
/// it. As in ``EventView``, the last `oneof value` member wins and a message field that appears more than once
/// is the merge of its occurrences.
package struct ValueView {
    /// Proto field `tag = 1`, as UTF-8 bytes.
    package var tag = UnsafeRawBufferPointer(start: nil, count: 0)
    /// Proto field `node_name = 7`, as UTF-8 bytes.
    package var nodeName = UnsafeRawBufferPointer(start: nil, count: 0)
    /// Proto field `metadata = 9`, its last occurrence still encoded; `nil` when absent.
    package var metadata: UnsafeRawBufferPointer?
    /// The `oneof value` member, its last occurrence still encoded.
    package var kind: Kind = .none
    /// The whole value.
    private let reader: ProtoReader
    /// Occurrences of the member set since the last other member, and where the first starts; the same for
    /// `metadata`.
    private var kindCount = 0
    private var kindStart = 0
    private var metadataCount = 0
    private var metadataStart = 0

    /// The `oneof value` member, message bodies still encoded.
    package enum Kind {
        case none
        case simpleValue(Float)
        case obsoleteHistogram(UnsafeRawBufferPointer)
        case image(UnsafeRawBufferPointer)
        case histogram(UnsafeRawBufferPointer)
        case audio(UnsafeRawBufferPointer)
        case tensor(UnsafeRawBufferPointer)

        /// The member's field number, 0 for none.
        var fieldNumber: UInt32 {
            switch self {
            case .none: 0
            case .simpleValue: 2
            case .obsoleteHistogram: 3
            case .image: 4
            case .histogram: 5
            case .audio: 6
            case .tensor: 8
            }
        }
    }

    /// Reads a value's fields.
    /// - Parameter reader: A reader of the value's bytes, as a summary's reader gives it.
    /// - Throws: ``WireDecodingError`` when they are malformed.
    package init(_ reader: ProtoReader) throws(WireDecodingError) {
        self.reader = reader
        var fields = reader
        while true {
            let keyPosition = fields.position
            guard let tag = try fields.readKey() else { break }
            let member: Kind
            switch (tag.fieldNumber, tag.wireType) {
            case (1, .lengthDelimited):
                self.tag = try fields.readLengthDelimited()
                continue
            case (7, .lengthDelimited):
                nodeName = try fields.readLengthDelimited()
                continue
            case (9, .lengthDelimited):
                metadata = try fields.readLengthDelimited()
                if metadataCount == 0 { metadataStart = keyPosition }
                metadataCount += 1
                continue
            case (2, .fixed32): member = .simpleValue(try fields.readFloat())
            case (3, .lengthDelimited): member = .obsoleteHistogram(try fields.readLengthDelimited())
            case (4, .lengthDelimited): member = .image(try fields.readLengthDelimited())
            case (5, .lengthDelimited): member = .histogram(try fields.readLengthDelimited())
            case (6, .lengthDelimited): member = .audio(try fields.readLengthDelimited())
            case (8, .lengthDelimited): member = .tensor(try fields.readLengthDelimited())
            default:
                try fields.skipValue(of: tag)
                continue
            }
            if member.fieldNumber != kind.fieldNumber {
                kindCount = 0
                kindStart = keyPosition
            }
            kindCount += 1
            kind = member
        }
    }

    /// Whether a message member of the oneof appears more than once, so that ``message(_:)`` must merge.
    package var hasRepeatedMember: Bool { kindCount > 1 }

    /// The message member of the oneof, merged over its occurrences.
    /// - Throws: ``WireDecodingError`` when it is malformed.
    package func message<M: WireCodable>(_ type: M.Type = M.self) throws(WireDecodingError) -> M {
        var message = M()
        switch kind {
        case .image(let bytes), .histogram(let bytes), .audio(let bytes), .tensor(let bytes):
            guard kindCount > 1 else {
                var nested = try reader.nestedReader(for: bytes)
                try message.merge(from: &nested)
                return message
            }
        case .none, .simpleValue, .obsoleteHistogram:
            return message
        }
        var fields = reader
        fields.position = kindStart
        try fields.mergeOccurrences(of: kind.fieldNumber, into: &message)
        return message
    }

    /// Proto field `metadata = 9`, merged over its occurrences, or `nil` when absent.
    /// - Throws: ``WireDecodingError`` when it is malformed.
    package func decodedMetadata() throws(WireDecodingError) -> SummaryMetadata? {
        guard let metadata else { return nil }
        var message = SummaryMetadata()
        if metadataCount == 1 {
            var nested = try reader.nestedReader(for: metadata)
            try message.merge(from: &nested)
        } else {
            var fields = reader
            fields.position = metadataStart
            try fields.mergeOccurrences(of: 9, into: &message)
        }
        return message
    }

    /// Calls `body` with each value of the summary `summary` reads, in order.
    /// - Throws: ``WireDecodingError`` when the summary or a value is malformed.
    package static func forEachValue(
        in summary: inout ProtoReader,
        _ body: (inout ValueView) throws(WireDecodingError) -> Void
    ) throws(WireDecodingError) {
        while let tag = try summary.readKey() {
            guard tag.fieldNumber == 1, tag.wireType == .lengthDelimited else {
                try summary.skipValue(of: tag)
                continue
            }
            var value = try ValueView(try summary.readMessage())
            try body(&value)
        }
    }
}

extension ProtoReader {
    /// Merges every occurrence of the length-delimited field `field`, from here to the end, into `message`: how
    /// protobuf reads a singular message field that appears more than once.
    /// - Throws: ``WireDecodingError`` when a field is malformed.
    package mutating func mergeOccurrences<M: WireCodable>(
        of field: UInt32,
        into message: inout M
    ) throws(WireDecodingError) {
        while let tag = try readKey() {
            if tag.fieldNumber == field, tag.wireType == .lengthDelimited {
                try readMessage(into: &message)
            } else {
                try skipValue(of: tag)
            }
        }
    }
}
