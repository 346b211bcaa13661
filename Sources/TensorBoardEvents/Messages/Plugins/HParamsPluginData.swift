// HParamsPluginData.swift: the content of the hparams plugin's summaries, and its session messages.

/// The content of a summary owned by the `hparams` plugin. Proto message `HParamsPluginData`.
///
/// The tag says which member is set: `_hparams_/experiment`, `_hparams_/session_start_info` or
/// `_hparams_/session_end_info`.
public struct HParamsPluginData: Sendable, Equatable {
    /// The plugin's content version; only 0 exists. Proto field `version = 1`.
    public var version: Int32
    /// The member of `oneof data` that is set, or `nil`.
    public var data: Data?

    /// Proto `oneof data`.
    public enum Data: Sendable, Equatable {
        /// Proto field `experiment = 2`.
        case experiment(HParamsPluginData.Experiment)
        /// Proto field `session_start_info = 3`.
        case sessionStartInfo(HParamsPluginData.SessionStartInfo)
        /// Proto field `session_end_info = 4`.
        case sessionEndInfo(HParamsPluginData.SessionEndInfo)
    }

    /// The tag of summaries holding an experiment.
    public static let experimentTag = "_hparams_/experiment"
    /// The tag of summaries holding a session's start (its hyperparameter values).
    public static let sessionStartInfoTag = "_hparams_/session_start_info"
    /// The tag of summaries holding a session's end (its status).
    public static let sessionEndInfoTag = "_hparams_/session_end_info"
    /// The plugin's name.
    public static let pluginName = "hparams"

    /// Creates plugin data.
    /// - Parameter data: The member to set.
    public init(data: Data? = nil) {
        self.version = 0
        self.data = data
    }
}

extension HParamsPluginData: WireCodable {
    /// Creates empty plugin data.
    public init() {
        self.init(data: nil)
    }

    package mutating func merge(from reader: inout ProtoReader) throws(WireDecodingError) {
        while let tag = try reader.readKey() {
            switch (tag.fieldNumber, tag.wireType) {
            case (1, .varint): version = try reader.readInt32()
            case (2, .lengthDelimited):
                var experiment = HParamsPluginData.Experiment()
                if case .experiment(let existing) = data { experiment = existing }
                try reader.readMessage(into: &experiment)
                data = .experiment(experiment)
            case (3, .lengthDelimited):
                var info = HParamsPluginData.SessionStartInfo()
                if case .sessionStartInfo(let existing) = data { info = existing }
                try reader.readMessage(into: &info)
                data = .sessionStartInfo(info)
            case (4, .lengthDelimited):
                var info = HParamsPluginData.SessionEndInfo()
                if case .sessionEndInfo(let existing) = data { info = existing }
                try reader.readMessage(into: &info)
                data = .sessionEndInfo(info)
            default: try reader.skipValue(of: tag)
            }
        }
    }

    package func encode(to writer: inout ProtoWriter) {
        if version != 0 { writer.writeField(1, int64: Int64(version)) }
        switch data {
        case .experiment(let experiment): writer.writeField(2, message: experiment)
        case .sessionStartInfo(let info): writer.writeField(3, message: info)
        case .sessionEndInfo(let info): writer.writeField(4, message: info)
        case nil: break
        }
    }
}
