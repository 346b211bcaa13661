// EventCompanions.swift: the small messages an Event can carry besides a summary.

/// Which program wrote an event file. Proto message `SourceMetadata`.
public struct SourceMetadata: Sendable, Equatable {
    /// Free text naming the writer, such as `"tensorflow.core.util.events_writer"`. Proto field `writer = 1`.
    public var writer: String

    /// Creates source metadata.
    /// - Parameter writer: The writer's name.
    public init(writer: String = "") {
        self.writer = writer
    }
}

extension SourceMetadata: WireCodable {
    /// Creates empty source metadata.
    public init() {
        self.init(writer: "")
    }

    package mutating func merge(from reader: inout ProtoReader) throws(WireDecodingError) {
        while let tag = try reader.readKey() {
            switch (tag.fieldNumber, tag.wireType) {
            case (1, .lengthDelimited): writer = try reader.readString()
            default: try reader.skipValue(of: tag)
            }
        }
    }

    package func encode(to writer: inout ProtoWriter) {
        if !self.writer.isEmpty { writer.writeField(1, string: self.writer) }
    }
}

/// A marker of a training session's life: start, stop or checkpoint. Proto message `SessionLog`.
public struct SessionLog: Sendable, Equatable {
    /// The kind of marker. Proto field `status = 1` (enum `SessionStatus`).
    public var status: Status
    /// Where a checkpoint was saved. Proto field `checkpoint_path = 2`.
    public var checkpointPath: String
    /// A free-text message. Proto field `msg = 3`.
    public var message: String

    /// Proto enum `SessionLog.SessionStatus`; values outside the known ones are kept as they are.
    public struct Status: RawRepresentable, Sendable, Equatable, Hashable {
        /// The enum's number on the wire.
        public var rawValue: Int32
        /// Creates a status from its number on the wire.
        public init(rawValue: Int32) { self.rawValue = rawValue }
        /// `STATUS_UNSPECIFIED = 0`.
        public static let unspecified = Status(rawValue: 0)
        /// `START = 1`: a session (re)started; TensorBoard's Python loader purges later steps on a restart.
        public static let start = Status(rawValue: 1)
        /// `STOP = 2`.
        public static let stop = Status(rawValue: 2)
        /// `CHECKPOINT = 3`.
        public static let checkpoint = Status(rawValue: 3)
    }

    /// Creates a session log.
    /// - Parameters:
    ///   - status: The kind of marker.
    ///   - checkpointPath: Where a checkpoint was saved.
    ///   - message: A free-text message.
    public init(status: Status = .unspecified, checkpointPath: String = "", message: String = "") {
        self.status = status
        self.checkpointPath = checkpointPath
        self.message = message
    }
}

extension SessionLog: WireCodable {
    /// Creates an unspecified session log.
    public init() {
        self.init(status: .unspecified)
    }

    package mutating func merge(from reader: inout ProtoReader) throws(WireDecodingError) {
        while let tag = try reader.readKey() {
            switch (tag.fieldNumber, tag.wireType) {
            case (1, .varint): status = Status(rawValue: try reader.readInt32())
            case (2, .lengthDelimited): checkpointPath = try reader.readString()
            case (3, .lengthDelimited): message = try reader.readString()
            default: try reader.skipValue(of: tag)
            }
        }
    }

    package func encode(to writer: inout ProtoWriter) {
        if status.rawValue != 0 { writer.writeField(1, int64: Int64(status.rawValue)) }
        if !checkpointPath.isEmpty { writer.writeField(2, string: checkpointPath) }
        if !message.isEmpty { writer.writeField(3, string: message) }
    }
}

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

/// Run metadata (for the graph dashboard) with the tag it is filed under. Proto message `TaggedRunMetadata`.
public struct TaggedRunMetadata: Sendable, Equatable {
    /// The tag. Proto field `tag = 1`.
    public var tag: String
    /// A serialized `RunMetadata`. Proto field `run_metadata = 2`.
    public var runMetadata: [UInt8]

    /// Creates tagged run metadata.
    /// - Parameters:
    ///   - tag: The tag.
    ///   - runMetadata: A serialized `RunMetadata`.
    public init(tag: String = "", runMetadata: [UInt8] = []) {
        self.tag = tag
        self.runMetadata = runMetadata
    }
}

extension TaggedRunMetadata: WireCodable {
    /// Creates empty tagged run metadata.
    public init() {
        self.init(tag: "")
    }

    package mutating func merge(from reader: inout ProtoReader) throws(WireDecodingError) {
        while let tag = try reader.readKey() {
            switch (tag.fieldNumber, tag.wireType) {
            case (1, .lengthDelimited): self.tag = try reader.readString()
            case (2, .lengthDelimited): runMetadata = try reader.readBytes()
            default: try reader.skipValue(of: tag)
            }
        }
    }

    package func encode(to writer: inout ProtoWriter) {
        if !tag.isEmpty { writer.writeField(1, string: tag) }
        if !runMetadata.isEmpty { writer.writeField(2, bytes: runMetadata) }
    }
}
