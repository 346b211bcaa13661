// SessionLog.swift: a marker of a training session's life.

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
