// HParamsSessionInfo.swift: the session start and end records of the hparams plugin.

extension HParamsPluginData {
    /// The hyperparameter values of one session (one run). Proto message `SessionStartInfo`.
    public struct SessionStartInfo: Sendable, Equatable {
        /// Hyperparameter values by name. Proto field `map<string, google.protobuf.Value> hparams = 1`.
        public var hparams: [String: ProtobufValue]
        /// Proto field `model_uri = 2`.
        public var modelURI: String
        /// Proto field `monitor_url = 3`.
        public var monitorURL: String
        /// Sessions with the same group name are shown as one group. Proto field `group_name = 4`.
        public var groupName: String
        /// Seconds since the Unix epoch. Proto field `start_time_secs = 5` (double).
        public var startTimeSeconds: Double

        /// Creates start info.
        /// - Parameters:
        ///   - hparams: Hyperparameter values by name.
        ///   - groupName: The session group.
        ///   - startTimeSeconds: Seconds since the Unix epoch.
        ///   - modelURI: Proto field `model_uri`.
        ///   - monitorURL: Proto field `monitor_url`.
        public init(
            hparams: [String: ProtobufValue] = [:],
            groupName: String = "",
            startTimeSeconds: Double = 0,
            modelURI: String = "",
            monitorURL: String = ""
        ) {
            self.hparams = hparams
            self.groupName = groupName
            self.startTimeSeconds = startTimeSeconds
            self.modelURI = modelURI
            self.monitorURL = monitorURL
        }
    }
}

extension HParamsPluginData.SessionStartInfo: WireCodable {
    /// Creates start info with no hyperparameters.
    public init() {
        self.init(hparams: [:])
    }

    package mutating func merge(from reader: inout ProtoReader) throws(WireDecodingError) {
        while let tag = try reader.readKey() {
            switch (tag.fieldNumber, tag.wireType) {
            case (1, .lengthDelimited):
                var entry = try reader.readMessage()
                let (key, value) = try ProtobufValue.readMapEntry(from: &entry)
                hparams[key] = value
            case (2, .lengthDelimited): modelURI = try reader.readString()
            case (3, .lengthDelimited): monitorURL = try reader.readString()
            case (4, .lengthDelimited): groupName = try reader.readString()
            case (5, .fixed64): startTimeSeconds = try reader.readDouble()
            default: try reader.skipValue(of: tag)
            }
        }
    }

    package func encode(to writer: inout ProtoWriter) {
        for key in hparams.keys.sorted() {
            guard let value = hparams[key] else { continue }
            ProtobufValue.writeMapEntry(field: 1, key: key, value: value, to: &writer)
        }
        if !modelURI.isEmpty { writer.writeField(2, string: modelURI) }
        if !monitorURL.isEmpty { writer.writeField(3, string: monitorURL) }
        if !groupName.isEmpty { writer.writeField(4, string: groupName) }
        if startTimeSeconds.bitPattern != 0 { writer.writeField(5, double: startTimeSeconds) }
    }
}

extension HParamsPluginData {
    /// How a session ended. Proto message `SessionEndInfo`.
    public struct SessionEndInfo: Sendable, Equatable {
        /// Proto field `status = 1` (enum `Status`: 0 unknown, 1 success, 2 failure, 3 running).
        public var status: Status
        /// Seconds since the Unix epoch. Proto field `end_time_secs = 2` (double).
        public var endTimeSeconds: Double

        /// Proto enum `hparams.Status`; values outside the known ones are kept as they are.
        public struct Status: RawRepresentable, Sendable, Equatable, Hashable {
            /// The enum's number on the wire.
            public var rawValue: Int32
            /// Creates a status from its number on the wire.
            public init(rawValue: Int32) { self.rawValue = rawValue }
            /// `STATUS_UNKNOWN = 0`.
            public static let unknown = Status(rawValue: 0)
            /// `STATUS_SUCCESS = 1`.
            public static let success = Status(rawValue: 1)
            /// `STATUS_FAILURE = 2`.
            public static let failure = Status(rawValue: 2)
            /// `STATUS_RUNNING = 3`.
            public static let running = Status(rawValue: 3)
        }

        /// Creates end info.
        /// - Parameters:
        ///   - status: How the session ended.
        ///   - endTimeSeconds: Seconds since the Unix epoch.
        public init(status: Status = .unknown, endTimeSeconds: Double = 0) {
            self.status = status
            self.endTimeSeconds = endTimeSeconds
        }
    }
}

extension HParamsPluginData.SessionEndInfo: WireCodable {
    /// Creates end info with unknown status.
    public init() {
        self.init(status: .unknown)
    }

    package mutating func merge(from reader: inout ProtoReader) throws(WireDecodingError) {
        while let tag = try reader.readKey() {
            switch (tag.fieldNumber, tag.wireType) {
            case (1, .varint): status = Status(rawValue: try reader.readInt32())
            case (2, .fixed64): endTimeSeconds = try reader.readDouble()
            default: try reader.skipValue(of: tag)
            }
        }
    }

    package func encode(to writer: inout ProtoWriter) {
        if status.rawValue != 0 { writer.writeField(1, int64: Int64(status.rawValue)) }
        if endTimeSeconds.bitPattern != 0 { writer.writeField(2, double: endTimeSeconds) }
    }
}
