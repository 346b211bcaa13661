// ProtobufMessage.swift: the public face of every hand-coded message.

/// A protobuf message with a hand-written binary encoding.
///
/// Decoding follows protobuf's rules: fields may come in any order, unknown fields and fields with a wire
/// type their declaration cannot have are skipped, a repeated field accumulates, a singular scalar field
/// written twice keeps the last value, and a singular message field written twice is merged. Malformed
/// bytes throw ``WireDecodingError`` and never crash.
public protocol ProtobufMessage: Sendable, Equatable {
    /// Creates the message with every field at its default.
    init()

    /// Decodes a message from its binary encoding.
    /// - Throws: ``WireDecodingError`` when the bytes are not a well-formed encoding.
    init(serializedBytes: [UInt8]) throws(WireDecodingError)

    /// Decodes a message from bytes it only borrows for the duration of the call.
    /// - Throws: ``WireDecodingError`` when the bytes are not a well-formed encoding.
    init(serializedBytes: UnsafeRawBufferPointer) throws(WireDecodingError)

    /// The binary encoding, with fields in ascending field-number order as protobuf's own serializers write them.
    func serializedBytes() -> [UInt8]
}
