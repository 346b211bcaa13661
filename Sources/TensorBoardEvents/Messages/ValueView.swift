// ValueView.swift: the fields of an encoded Summary.Value, read from bytes it borrows.

/// The fields of an encoded `Summary.Value`, read without copying; ``Summary/Value``'s own decoding is built on
/// it. As in ``EventView``, the last `oneof value` member wins and a message field that appears more than once
/// is the merge of its occurrences.
package struct ValueView {
    /// Proto field `tag = 1`, as UTF-8 bytes.
    package var tag = UnsafeRawBufferPointer(start: nil, count: 0)
    /// Proto field `node_name = 7`, as UTF-8 bytes.
    package var nodeName = UnsafeRawBufferPointer(start: nil, count: 0)
    /// The `oneof value` member, its last occurrence still encoded.
    package var kind: Kind = .none
    /// The whole value.
    private let reader: ProtoReader
    /// The occurrences of the member set since the last other member, and of `metadata`.
    private var kindOccurrences = FieldOccurrences()
    private var metadataOccurrences = FieldOccurrences()

    /// Proto field `metadata = 9`, its last occurrence still encoded; `nil` when absent.
    package var metadata: UnsafeRawBufferPointer? { metadataOccurrences.count > 0 ? metadataOccurrences.last : nil }

    /// The `oneof value` member, message bodies still encoded.
    package enum Kind {
        case none
        case simpleValue(Float)
        case obsoleteHistogram(UnsafeRawBufferPointer)
        case image(UnsafeRawBufferPointer)
        case histogram(UnsafeRawBufferPointer)
        case audio(UnsafeRawBufferPointer)
        case tensor(UnsafeRawBufferPointer)

        /// The member's bytes (empty for none and for `simple_value`).
        var bytes: UnsafeRawBufferPointer {
            switch self {
            case .none, .simpleValue: UnsafeRawBufferPointer(start: nil, count: 0)
            case .obsoleteHistogram(let bytes), .image(let bytes), .histogram(let bytes), .audio(let bytes),
                .tensor(let bytes):
                bytes
            }
        }

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
                metadataOccurrences.record(keyAt: keyPosition, bytes: try fields.readLengthDelimited())
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
            if member.fieldNumber != kind.fieldNumber { kindOccurrences = FieldOccurrences() }
            kindOccurrences.record(keyAt: keyPosition, bytes: member.bytes)
            kind = member
        }
    }

    /// Whether a message member of the oneof appears more than once, so that ``message(_:)`` must merge.
    package var hasRepeatedMember: Bool { kindOccurrences.count > 1 }

    /// The message member of the oneof (image, histogram, audio or tensor), merged over its occurrences; an empty
    /// message when the member is not a message.
    /// - Throws: ``WireDecodingError`` when it is malformed.
    package func message<M: WireCodable>(_ type: M.Type = M.self) throws(WireDecodingError) -> M {
        switch kind {
        case .image, .histogram, .audio, .tensor: try reader.merged(M.self, of: kind.fieldNumber, kindOccurrences)
        case .none, .simpleValue, .obsoleteHistogram: M()
        }
    }

    /// Proto field `metadata = 9`, merged over its occurrences, or `nil` when absent.
    /// - Throws: ``WireDecodingError`` when it is malformed.
    package func decodedMetadata() throws(WireDecodingError) -> SummaryMetadata? {
        guard metadataOccurrences.count > 0 else { return nil }
        return try reader.merged(SummaryMetadata.self, of: 9, metadataOccurrences)
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
