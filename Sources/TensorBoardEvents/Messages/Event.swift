// Event.swift: the record payload of an event file.

/// One record of an event file: a wall time, a step, and what happened.
///
/// Proto message `tensorboard.Event` (mirrors `tensorflow.Event`).
public struct Event: Sendable, Equatable {
    /// Seconds since the Unix epoch, with a fraction. Proto field `wall_time = 1` (double).
    public var wallTime: Double
    /// The global step. Proto field `step = 2` (int64, plain varint).
    public var step: Int64
    /// What the event carries: the `oneof what` of fields 3 to 9, or `nil` when none is set.
    public var what: What?
    /// Which program wrote the file; sent only on the first event. Proto field `source_metadata = 10`.
    public var sourceMetadata: SourceMetadata?

    /// The content of an event: proto `oneof what`.
    public enum What: Sendable, Equatable {
        /// Proto field `file_version = 3`: `"brain.Event:2"` in the first event of a file.
        case fileVersion(String)
        /// Proto field `graph_def = 4`: a serialized `GraphDef`.
        case graphDef([UInt8])
        /// Proto field `summary = 5`: summary values (scalars, histograms, images, tensors, ...).
        case summary(Summary)
        /// Proto field `log_message = 6` (deprecated).
        case logMessage(LogMessage)
        /// Proto field `session_log = 7`: session start, stop and checkpoint markers.
        case sessionLog(SessionLog)
        /// Proto field `tagged_run_metadata = 8`.
        case taggedRunMetadata(TaggedRunMetadata)
        /// Proto field `meta_graph_def = 9`: a serialized `MetaGraphDef`.
        case metaGraphDef([UInt8])
    }

    /// Creates an event with no content at wall time 0, step 0.
    public init() {
        self.init(wallTime: 0, step: 0, what: nil)
    }

    /// Creates an event.
    /// - Parameters:
    ///   - wallTime: Seconds since the Unix epoch.
    ///   - step: The global step.
    ///   - what: The content.
    ///   - sourceMetadata: The writer's name, for the first event of a file.
    public init(wallTime: Double, step: Int64 = 0, what: What?, sourceMetadata: SourceMetadata? = nil) {
        self.wallTime = wallTime
        self.step = step
        self.what = what
        self.sourceMetadata = sourceMetadata
    }

    /// The summary this event carries, or `nil` when it carries something else.
    public var summary: Summary? {
        if case .summary(let summary) = what { return summary }
        return nil
    }

    /// The file version this event carries, or `nil` when it carries something else.
    public var fileVersion: String? {
        if case .fileVersion(let version) = what { return version }
        return nil
    }

    /// The session log this event carries, or `nil` when it carries something else.
    public var sessionLog: SessionLog? {
        if case .sessionLog(let log) = what { return log }
        return nil
    }
}

extension Event: WireCodable {
    package mutating func merge(from reader: inout ProtoReader) throws(WireDecodingError) {
        while let tag = try reader.readKey() {
            switch (tag.fieldNumber, tag.wireType) {
            case (1, .fixed64): wallTime = try reader.readDouble()
            case (2, .varint): step = try reader.readInt64()
            case (3, .lengthDelimited): what = .fileVersion(try reader.readString())
            case (4, .lengthDelimited): what = .graphDef(try reader.readBytes())
            case (5, .lengthDelimited):
                var summary = self.summary ?? Summary()
                try reader.readMessage(into: &summary)
                what = .summary(summary)
            case (6, .lengthDelimited):
                var message = LogMessage()
                if case .logMessage(let existing) = what { message = existing }
                try reader.readMessage(into: &message)
                what = .logMessage(message)
            case (7, .lengthDelimited):
                var log = sessionLog ?? SessionLog()
                try reader.readMessage(into: &log)
                what = .sessionLog(log)
            case (8, .lengthDelimited):
                var metadata = TaggedRunMetadata()
                if case .taggedRunMetadata(let existing) = what { metadata = existing }
                try reader.readMessage(into: &metadata)
                what = .taggedRunMetadata(metadata)
            case (9, .lengthDelimited): what = .metaGraphDef(try reader.readBytes())
            case (10, .lengthDelimited):
                var metadata = sourceMetadata ?? SourceMetadata()
                try reader.readMessage(into: &metadata)
                sourceMetadata = metadata
            default: try reader.skipValue(of: tag)
            }
        }
    }

    package func encode(to writer: inout ProtoWriter) {
        if wallTime.bitPattern != 0 { writer.writeField(1, double: wallTime) }
        if step != 0 { writer.writeField(2, int64: step) }
        switch what {
        case .fileVersion(let version): writer.writeField(3, string: version)
        case .graphDef(let bytes): writer.writeField(4, bytes: bytes)
        case .summary(let summary): writer.writeField(5, message: summary)
        case .logMessage(let message): writer.writeField(6, message: message)
        case .sessionLog(let log): writer.writeField(7, message: log)
        case .taggedRunMetadata(let metadata): writer.writeField(8, message: metadata)
        case .metaGraphDef(let bytes): writer.writeField(9, bytes: bytes)
        case nil: break
        }
        if let sourceMetadata { writer.writeField(10, message: sourceMetadata) }
    }
}
