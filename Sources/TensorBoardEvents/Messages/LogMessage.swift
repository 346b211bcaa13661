// LogMessage.swift: a (deprecated) log line.

/// A log line (deprecated in TensorFlow; no TensorBoard view shows it). Proto message `LogMessage`.
public struct LogMessage: Sendable, Equatable {
    /// The severity. Proto field `level = 1` (enum `Level`: 0 unknown, 10 debugging, 20 info, 30 warn,
    /// 40 error, 50 fatal).
    public var level: Int32
    /// The text. Proto field `message = 2`.
    public var message: String

    /// Creates a log message.
    /// - Parameters:
    ///   - level: The severity number.
    ///   - message: The text.
    public init(level: Int32 = 0, message: String = "") {
        self.level = level
        self.message = message
    }
}

extension LogMessage: WireCodable {
    /// Creates an empty log message.
    public init() {
        self.init(level: 0)
    }

    package mutating func merge(from reader: inout ProtoReader) throws(WireDecodingError) {
        while let tag = try reader.readKey() {
            switch (tag.fieldNumber, tag.wireType) {
            case (1, .varint): level = try reader.readInt32()
            case (2, .lengthDelimited): message = try reader.readString()
            default: try reader.skipValue(of: tag)
            }
        }
    }

    package func encode(to writer: inout ProtoWriter) {
        if level != 0 { writer.writeField(1, int64: Int64(level)) }
        if !message.isEmpty { writer.writeField(2, string: message) }
    }
}
