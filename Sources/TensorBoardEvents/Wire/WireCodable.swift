// WireCodable.swift: the package half of every hand-coded message: its coding through ProtoReader and ProtoWriter.

/// The package-internal half of a message's coding: merging fields from a ``ProtoReader`` and appending them to a
/// ``ProtoWriter``.
package protocol WireCodable: ProtobufMessage {
    /// Merges the fields read from `reader` (until its end) into this message.
    mutating func merge(from reader: inout ProtoReader) throws(WireDecodingError)

    /// Appends this message's fields (without an enclosing key or length) to `writer`.
    func encode(to writer: inout ProtoWriter)
}

extension WireCodable {
    /// Decodes a message from its binary encoding.
    /// - Parameter serializedBytes: The encoding.
    /// - Throws: ``WireDecodingError`` when the bytes are not a well-formed encoding.
    public init(serializedBytes: [UInt8]) throws(WireDecodingError) {
        self.init()
        var error: WireDecodingError?
        serializedBytes.withUnsafeBytes { bytes in
            do throws(WireDecodingError) {
                var reader = ProtoReader(bytes)
                try merge(from: &reader)
            } catch let decodingError {
                error = decodingError
            }
        }
        if let error { throw error }
    }

    /// Decodes a message from bytes it only borrows for the duration of the call.
    /// - Parameter serializedBytes: The encoding.
    /// - Throws: ``WireDecodingError`` when the bytes are not a well-formed encoding.
    public init(serializedBytes: UnsafeRawBufferPointer) throws(WireDecodingError) {
        self.init()
        var reader = ProtoReader(serializedBytes)
        try merge(from: &reader)
    }

    /// The binary encoding, with fields in ascending field-number order.
    public func serializedBytes() -> [UInt8] {
        var writer = ProtoWriter()
        encode(to: &writer)
        return writer.bytes
    }
}

extension ProtoWriter {
    /// Appends an embedded message field: key, length and the message's fields.
    @inlinable
    package mutating func writeField<M: WireCodable>(_ field: UInt32, message: M) {
        let start = beginLengthDelimited(field: field)
        message.encode(to: &self)
        endLengthDelimited(start)
    }
}
