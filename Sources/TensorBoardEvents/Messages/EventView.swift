// EventView.swift: the fields of an encoded Event, read from bytes it borrows: the one general Event decoder.

/// The top-level fields of an encoded `Event`, read without copying: nested messages stay views until asked
/// for, so a reader skips by its length whatever it does not want. ``Event``'s own decoding is built on it, so
/// both read every byte the same way.
///
/// Protobuf's rules hold: fields come in any order, unknown ones are skipped, the last `oneof what` member wins,
/// and a message field that appears more than once (consecutive `summary` fields, say) is the merge of every
/// occurrence. Use a view inside the call that lends the bytes.
package struct EventView {
    /// Proto field `wall_time = 1`.
    package var wallTime: Double = 0
    /// Proto field `step = 2`.
    package var step: Int64 = 0
    /// The field number of the `oneof what` member set (3 to 9), 0 when none is.
    package private(set) var contentField: UInt32 = 0
    /// The whole event.
    private let reader: ProtoReader
    /// The occurrences of the member set since the last other member.
    private var content = FieldOccurrences()
    /// The occurrences of `source_metadata = 10`.
    private var sourceMetadataOccurrences = FieldOccurrences()

    /// The bytes of the oneof member's last occurrence.
    package var contentBytes: UnsafeRawBufferPointer { content.last }

    /// Reads the top level of an encoded event.
    /// - Parameter payload: The record's payload; it must outlive the view.
    /// - Throws: ``WireDecodingError`` when the top level is malformed (nested messages are checked when read).
    package init(_ payload: UnsafeRawBufferPointer) throws(WireDecodingError) {
        try self.init(reader: ProtoReader(payload))
    }

    /// Reads the top level of the event `reader` reads (from its position to its end).
    /// - Parameter reader: A reader of the encoded event.
    /// - Throws: ``WireDecodingError`` when the top level is malformed.
    package init(reader: ProtoReader) throws(WireDecodingError) {
        self.reader = reader
        var fields = reader
        while true {
            let keyPosition = fields.position
            guard let tag = try fields.readKey() else { break }
            switch (tag.fieldNumber, tag.wireType) {
            case (1, .fixed64): wallTime = try fields.readDouble()
            case (2, .varint): step = try fields.readInt64()
            case (3...9, .lengthDelimited):
                let bytes = try fields.readLengthDelimited()
                if contentField != tag.fieldNumber {
                    contentField = tag.fieldNumber
                    content = FieldOccurrences()
                }
                content.record(keyAt: keyPosition, bytes: bytes)
            case (10, .lengthDelimited):
                sourceMetadataOccurrences.record(keyAt: keyPosition, bytes: try fields.readLengthDelimited())
            default: try fields.skipValue(of: tag)
            }
        }
    }

    /// Whether the event carries a summary.
    package var isSummary: Bool { contentField == 5 }

    /// The message member of the oneof (`summary`, `log_message`, `session_log`, `tagged_run_metadata`),
    /// merged over its occurrences.
    /// - Throws: ``WireDecodingError`` when it is malformed.
    package func contentMessage<M: WireCodable>(_ type: M.Type = M.self) throws(WireDecodingError) -> M {
        try reader.merged(M.self, of: contentField, content)
    }

    /// Proto field `source_metadata = 10`, merged over its occurrences, or `nil` when absent.
    /// - Throws: ``WireDecodingError`` when it is malformed.
    package func sourceMetadata() throws(WireDecodingError) -> SourceMetadata? {
        guard sourceMetadataOccurrences.count > 0 else { return nil }
        return try reader.merged(SourceMetadata.self, of: 10, sourceMetadataOccurrences)
    }

    /// Calls `body` with each summary value in order, of every `summary` occurrence.
    /// - Throws: ``WireDecodingError`` when a summary or value is malformed, with offsets within the payload.
    package func forEachValue(_ body: (inout ValueView) throws(WireDecodingError) -> Void) throws(WireDecodingError) {
        guard isSummary else { return }
        try reader.forEachOccurrence(of: contentField, content) { summary throws(WireDecodingError) in
            try ValueView.forEachValue(in: &summary, body)
        }
    }
}
