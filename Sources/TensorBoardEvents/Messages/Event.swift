// Event.swift: the record payload of an event file.

/// One record of an event file: a wall time, a step, and what happened.
///
/// Proto message `tensorboard.Event` (mirrors `tensorflow.Event`).
public struct Event: Sendable, Equatable {
    /// Seconds since the Unix epoch, with a fraction. Proto field `wall_time = 1` (double).
    public var wallTime: Double
    /// The global step. Proto field `step = 2` (int64, plain varint).
    public var step: Int64
    /// What the event carries: proto `oneof what` (fields 3 to 9), or `nil` when none is set.
    public var content: Content?
    /// Which program wrote the file; sent only on the first event. Proto field `source_metadata = 10`.
    public var sourceMetadata: SourceMetadata?

    /// What an event carries: proto `oneof what`.
    public enum Content: Sendable, Equatable {
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
        self.init(wallTime: 0, step: 0, content: nil)
    }

    /// Creates an event.
    /// - Parameters:
    ///   - wallTime: Seconds since the Unix epoch.
    ///   - step: The global step.
    ///   - content: What it carries.
    ///   - sourceMetadata: The writer's name, for the first event of a file.
    public init(wallTime: Double, step: Int64 = 0, content: Content?, sourceMetadata: SourceMetadata? = nil) {
        self.wallTime = wallTime
        self.step = step
        self.content = content
        self.sourceMetadata = sourceMetadata
    }

    /// The summary this event carries, or `nil` when it carries something else.
    public var summary: Summary? {
        if case .summary(let summary) = content { return summary }
        return nil
    }

    /// The file version this event carries, or `nil` when it carries something else.
    public var fileVersion: String? {
        if case .fileVersion(let version) = content { return version }
        return nil
    }

    /// The session log this event carries, or `nil` when it carries something else.
    public var sessionLog: SessionLog? {
        if case .sessionLog(let log) = content { return log }
        return nil
    }
}
