// FieldOccurrences.swift: where a message field occurs in a message, so that its occurrences can be read as
// protobuf reads them.

/// The occurrences of one length-delimited field in a message being read: how many, where the key of the first
/// one is, and the bytes of the last. Protobuf reads a singular message field that occurs more than once as the
/// merge of every occurrence; ``ProtoReader/forEachOccurrence(of:_:_:)`` and ``ProtoReader/merged(_:of:_:)``
/// do that, reading the one occurrence directly in the usual case.
package struct FieldOccurrences {
    /// How many times the field occurred.
    package private(set) var count = 0
    /// The position of the first occurrence's key in the message.
    package private(set) var firstKeyPosition = 0
    /// The bytes of the last occurrence.
    package private(set) var last = UnsafeRawBufferPointer(start: nil, count: 0)

    /// No occurrence yet.
    package init() {}

    /// Counts an occurrence whose key is at `keyPosition` and whose bytes are `bytes`.
    package mutating func record(keyAt keyPosition: Int, bytes: UnsafeRawBufferPointer) {
        if count == 0 { firstKeyPosition = keyPosition }
        count += 1
        last = bytes
    }
}

extension ProtoReader {
    /// Calls `body` with a reader of each occurrence of the length-delimited field `field` (of the message this
    /// reader reads) that `occurrences` recorded, in order.
    /// - Throws: ``WireDecodingError`` when a field is malformed, or what `body` throws.
    package func forEachOccurrence(
        of field: UInt32,
        _ occurrences: FieldOccurrences,
        _ body: (inout ProtoReader) throws(WireDecodingError) -> Void
    ) throws(WireDecodingError) {
        guard occurrences.count > 1 else {
            guard occurrences.count == 1 else { return }
            var nested = try nestedReader(for: occurrences.last)
            return try body(&nested)
        }
        var fields = self
        fields.position = occurrences.firstKeyPosition
        while let tag = try fields.readKey() {
            if tag.fieldNumber == field, tag.wireType == .lengthDelimited {
                var nested = try fields.readMessage()
                try body(&nested)
            } else {
                try fields.skipValue(of: tag)
            }
        }
    }

    /// The message field `field` (of the message this reader reads) as protobuf reads it: the merge of the
    /// occurrences `occurrences` recorded, or an empty message when there is none.
    /// - Throws: ``WireDecodingError`` when a field is malformed.
    package func merged<M: WireCodable>(
        _ type: M.Type,
        of field: UInt32,
        _ occurrences: FieldOccurrences
    ) throws(WireDecodingError) -> M {
        var message = M()
        try forEachOccurrence(of: field, occurrences) { nested throws(WireDecodingError) in
            try message.merge(from: &nested)
        }
        return message
    }
}
