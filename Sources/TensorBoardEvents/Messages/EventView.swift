// EventView.swift: a zero-copy view of an Event's payload, for reading without decoding what is not needed.

/// The top-level fields of an encoded `Event`, read from bytes it borrows.
///
/// Unlike ``Event``, nothing is copied or allocated: the summary, if any, stays a view whose values
/// ``forEachValue(_:)`` walks one at a time. Use it inside the closure that lends the bytes.
package struct EventView {
    /// Proto field `wall_time = 1`.
    package var wallTime: Double = 0
    /// Proto field `step = 2`.
    package var step: Int64 = 0
    /// What the event carries (the last `oneof what` member in the bytes).
    package var content: Content = .none
    /// The whole payload.
    @usableFromInline let payload: UnsafeRawBufferPointer
    /// The last `summary` field's bytes.
    @usableFromInline var summary = UnsafeRawBufferPointer(start: nil, count: 0)
    /// How many `summary` fields (which merge) follow the last other `oneof what` member.
    @usableFromInline var summaryFieldCount = 0
    /// Where in the payload those `summary` fields start.
    @usableFromInline var summaryFieldsStart = 0

    /// The `oneof what` member, as far as readers here need to tell. Trivially copyable, like the whole view.
    package enum Content {
        case none
        case fileVersion(UnsafeRawBufferPointer)
        case summary
        case sessionLog(status: Int32)
        case graphDef
        case logMessage
        case taggedRunMetadata
        case metaGraphDef
    }

    /// Reads the top level of an encoded event.
    /// - Parameter payload: The record's payload; it must outlive the view.
    /// - Throws: ``WireDecodingError`` when the top level is malformed. (Nested messages are checked when walked.)
    @inlinable
    package init(_ payload: UnsafeRawBufferPointer) throws(WireDecodingError) {
        self.payload = payload
        var reader = ProtoReader(payload)
        while true {
            let keyOffset = reader.position
            guard let tag = try reader.readKey() else { break }
            switch (tag.fieldNumber, tag.wireType) {
            case (1, .fixed64): wallTime = try reader.readDouble()
            case (2, .varint): step = try reader.readInt64()
            case (5, .lengthDelimited):
                summary = try reader.readLengthDelimited()
                if !isSummary {
                    summaryFieldCount = 0
                    summaryFieldsStart = keyOffset
                }
                summaryFieldCount += 1
                content = .summary
            case (3, .lengthDelimited): content = .fileVersion(try reader.readLengthDelimited())
            case (7, .lengthDelimited):
                var nested = try reader.readMessage()
                var status: Int32 = 0
                while let field = try nested.readKey() {
                    if field.fieldNumber == 1, field.wireType == .varint {
                        status = try nested.readInt32()
                    } else {
                        try nested.skipValue(of: field)
                    }
                }
                content = .sessionLog(status: status)
            case (4, .lengthDelimited):
                _ = try reader.readLengthDelimited()
                content = .graphDef
            case (6, .lengthDelimited):
                _ = try reader.readLengthDelimited()
                content = .logMessage
            case (8, .lengthDelimited):
                _ = try reader.readLengthDelimited()
                content = .taggedRunMetadata
            case (9, .lengthDelimited):
                _ = try reader.readLengthDelimited()
                content = .metaGraphDef
            default: try reader.skipValue(of: tag)
            }
        }
    }

    /// Whether the event carries a summary.
    @inlinable
    package var isSummary: Bool {
        if case .summary = content { return true }
        return false
    }

    /// Calls `body` with each summary value in order (of every `summary` field, which protobuf merges).
    /// - Throws: ``WireDecodingError`` when a summary or value is malformed, with offsets within the payload.
    @inlinable
    package func forEachValue(_ body: (inout ValueView) throws(WireDecodingError) -> Void) throws(WireDecodingError) {
        guard isSummary else { return }
        let reader = ProtoReader(payload)
        if summaryFieldCount == 1 {
            try Self.walk(try reader.nestedReader(for: summary), body)
            return
        }
        var scan = reader
        scan.position = summaryFieldsStart
        while let tag = try scan.readKey() {
            if tag.fieldNumber == 5, tag.wireType == .lengthDelimited {
                try Self.walk(try scan.readMessage(), body)
            } else {
                try scan.skipValue(of: tag)
            }
        }
    }

    @inlinable
    static func walk(
        _ summary: ProtoReader,
        _ body: (inout ValueView) throws(WireDecodingError) -> Void
    ) throws(WireDecodingError) {
        var reader = summary
        while let tag = try reader.readKey() {
            guard tag.fieldNumber == 1, tag.wireType == .lengthDelimited else {
                try reader.skipValue(of: tag)
                continue
            }
            var valueReader = try reader.readMessage()
            var value = try ValueView(&valueReader)
            try body(&value)
        }
    }
}

/// The fields of an encoded `Summary.Value`, read from bytes it borrows.
package struct ValueView {
    /// Proto field `tag = 1`, as UTF-8 bytes.
    package var tag = UnsafeRawBufferPointer(start: nil, count: 0)
    /// Proto field `node_name = 7`, as UTF-8 bytes.
    package var nodeName = UnsafeRawBufferPointer(start: nil, count: 0)
    /// Proto field `metadata = 9`, still encoded; `nil` when absent.
    package var metadata: UnsafeRawBufferPointer?
    /// The `oneof value` member.
    package var kind: Kind = .none

    /// The value member, with message bodies still encoded.
    package enum Kind {
        case none
        case simpleValue(Float)
        case obsoleteHistogram
        case image(UnsafeRawBufferPointer)
        case histogram(UnsafeRawBufferPointer)
        case audio(UnsafeRawBufferPointer)
        case tensor(UnsafeRawBufferPointer)
    }

    /// A value with no fields.
    @inlinable
    package init() {}

    /// Reads a value's fields.
    @inlinable
    package init(_ reader: inout ProtoReader) throws(WireDecodingError) {
        while let tag = try reader.readKey() {
            switch (tag.fieldNumber, tag.wireType) {
            case (1, .lengthDelimited): self.tag = try reader.readLengthDelimited()
            case (2, .fixed32): kind = .simpleValue(try reader.readFloat())
            case (3, .lengthDelimited):
                _ = try reader.readLengthDelimited()
                kind = .obsoleteHistogram
            case (4, .lengthDelimited): kind = .image(try reader.readLengthDelimited())
            case (5, .lengthDelimited): kind = .histogram(try reader.readLengthDelimited())
            case (6, .lengthDelimited): kind = .audio(try reader.readLengthDelimited())
            case (7, .lengthDelimited): nodeName = try reader.readLengthDelimited()
            case (8, .lengthDelimited): kind = .tensor(try reader.readLengthDelimited())
            case (9, .lengthDelimited): metadata = try reader.readLengthDelimited()
            default: try reader.skipValue(of: tag)
            }
        }
    }
}
