// HParamsExperiment.swift: the experiment description of the hparams plugin.

extension HParamsPluginData {
    /// Which hyperparameters and metrics the HParams dashboard shows. Proto message `Experiment`.
    public struct Experiment: Sendable, Equatable {
        /// Proto field `name = 6`.
        public var name: String
        /// Proto field `description = 1`.
        public var description: String
        /// Proto field `user = 2`.
        public var user: String
        /// Seconds since the Unix epoch. Proto field `time_created_secs = 3` (double).
        public var timeCreatedSeconds: Double
        /// The hyperparameters. Proto field `repeated HParamInfo hparam_infos = 4`.
        public var hparamInfos: [HParamInfo]
        /// The metrics. Proto field `repeated MetricInfo metric_infos = 5`.
        public var metricInfos: [MetricInfo]

        /// Creates an experiment.
        /// - Parameters:
        ///   - hparamInfos: The hyperparameters.
        ///   - metricInfos: The metrics.
        ///   - timeCreatedSeconds: Seconds since the Unix epoch.
        ///   - name: A name.
        ///   - description: A description.
        ///   - user: A user name.
        public init(
            hparamInfos: [HParamInfo] = [],
            metricInfos: [MetricInfo] = [],
            timeCreatedSeconds: Double = 0,
            name: String = "",
            description: String = "",
            user: String = ""
        ) {
            self.hparamInfos = hparamInfos
            self.metricInfos = metricInfos
            self.timeCreatedSeconds = timeCreatedSeconds
            self.name = name
            self.description = description
            self.user = user
        }

        /// One hyperparameter: its name, type and domain. Proto message `HParamInfo`.
        public struct HParamInfo: Sendable, Equatable {
            /// Proto field `name = 1`.
            public var name: String
            /// Proto field `display_name = 2`.
            public var displayName: String
            /// Proto field `description = 3`.
            public var description: String
            /// Proto field `type = 4` (enum `DataType`: 0 unset, 1 string, 2 bool, 3 float64).
            public var type: Int32
            /// Proto `oneof domain`, or `nil`.
            public var domain: Domain?
            /// Proto field `differs = 7`.
            public var differs: Bool

            /// The values a hyperparameter may take: proto `oneof domain`.
            public enum Domain: Sendable, Equatable {
                /// Proto field `domain_discrete = 5` (`google.protobuf.ListValue`).
                case discrete([ProtobufValue])
                /// Proto field `domain_interval = 6` (`Interval{min_value = 1, max_value = 2}`).
                case interval(min: Double, max: Double)
            }

            /// `DataType.DATA_TYPE_STRING`.
            public static let typeString: Int32 = 1
            /// `DataType.DATA_TYPE_BOOL`.
            public static let typeBool: Int32 = 2
            /// `DataType.DATA_TYPE_FLOAT64`.
            public static let typeFloat64: Int32 = 3

            /// Creates hyperparameter info.
            /// - Parameters:
            ///   - name: The name.
            ///   - type: The hparams data type number.
            ///   - domain: The values it may take.
            ///   - displayName: A display name.
            ///   - description: A description.
            public init(
                name: String = "",
                type: Int32 = 0,
                domain: Domain? = nil,
                displayName: String = "",
                description: String = ""
            ) {
                self.name = name
                self.type = type
                self.domain = domain
                self.displayName = displayName
                self.description = description
                self.differs = false
            }
        }

        /// One metric: the scalar series it is read from. Proto message `MetricInfo`.
        public struct MetricInfo: Sendable, Equatable {
            /// The run-relative group (a sub-run such as `"validation"`, or `""` for the session's own run). Proto
            /// field `name = 1`, message `MetricName{group = 1}`.
            public var group: String
            /// The scalar tag. Proto message `MetricName{tag = 2}`.
            public var tag: String
            /// Proto field `display_name = 3`.
            public var displayName: String
            /// Proto field `description = 4`.
            public var description: String
            /// Proto field `dataset_type = 5` (enum `DatasetType`: 0 unknown, 1 training, 2 validation).
            public var datasetType: Int32

            /// Creates metric info.
            /// - Parameters:
            ///   - group: The sub-run holding the series, or `""`.
            ///   - tag: The scalar tag.
            ///   - displayName: A display name.
            ///   - description: A description.
            ///   - datasetType: 0 unknown, 1 training, 2 validation.
            public init(
                group: String = "",
                tag: String = "",
                displayName: String = "",
                description: String = "",
                datasetType: Int32 = 0
            ) {
                self.group = group
                self.tag = tag
                self.displayName = displayName
                self.description = description
                self.datasetType = datasetType
            }
        }
    }
}

extension HParamsPluginData.Experiment: WireCodable {
    /// Creates an empty experiment.
    public init() {
        self.init(hparamInfos: [])
    }

    package mutating func merge(from reader: inout ProtoReader) throws(WireDecodingError) {
        while let tag = try reader.readKey() {
            switch (tag.fieldNumber, tag.wireType) {
            case (1, .lengthDelimited): description = try reader.readString()
            case (2, .lengthDelimited): user = try reader.readString()
            case (3, .fixed64): timeCreatedSeconds = try reader.readDouble()
            case (4, .lengthDelimited): hparamInfos.append(try reader.readMessage(HParamInfo.self))
            case (5, .lengthDelimited): metricInfos.append(try reader.readMessage(MetricInfo.self))
            case (6, .lengthDelimited): name = try reader.readString()
            default: try reader.skipValue(of: tag)
            }
        }
    }

    package func encode(to writer: inout ProtoWriter) {
        if !description.isEmpty { writer.writeField(1, string: description) }
        if !user.isEmpty { writer.writeField(2, string: user) }
        if timeCreatedSeconds.bitPattern != 0 { writer.writeField(3, double: timeCreatedSeconds) }
        for info in hparamInfos { writer.writeField(4, message: info) }
        for info in metricInfos { writer.writeField(5, message: info) }
        if !name.isEmpty { writer.writeField(6, string: name) }
    }
}

extension HParamsPluginData.Experiment.HParamInfo: WireCodable {
    /// Creates empty hyperparameter info.
    public init() {
        self.init(name: "")
    }

    package mutating func merge(from reader: inout ProtoReader) throws(WireDecodingError) {
        while let tag = try reader.readKey() {
            switch (tag.fieldNumber, tag.wireType) {
            case (1, .lengthDelimited): name = try reader.readString()
            case (2, .lengthDelimited): displayName = try reader.readString()
            case (3, .lengthDelimited): description = try reader.readString()
            case (4, .varint): type = try reader.readInt32()
            case (5, .lengthDelimited):
                var values: [ProtobufValue] = []
                if case .discrete(let existing) = domain { values = existing }
                var nested = try reader.readMessage()
                try ProtobufValue.mergeListValues(from: &nested, into: &values)
                domain = .discrete(values)
            case (6, .lengthDelimited):
                var bounds = (min: 0.0, max: 0.0)
                if case .interval(let min, let max) = domain { bounds = (min, max) }
                var nested = try reader.readMessage()
                while let field = try nested.readKey() {
                    switch (field.fieldNumber, field.wireType) {
                    case (1, .fixed64): bounds.min = try nested.readDouble()
                    case (2, .fixed64): bounds.max = try nested.readDouble()
                    default: try nested.skipValue(of: field)
                    }
                }
                domain = .interval(min: bounds.min, max: bounds.max)
            case (7, .varint): differs = try reader.readBool()
            default: try reader.skipValue(of: tag)
            }
        }
    }

    package func encode(to writer: inout ProtoWriter) {
        if !name.isEmpty { writer.writeField(1, string: name) }
        if !displayName.isEmpty { writer.writeField(2, string: displayName) }
        if !description.isEmpty { writer.writeField(3, string: description) }
        if type != 0 { writer.writeField(4, int64: Int64(type)) }
        switch domain {
        case .discrete(let values):
            let start = writer.beginLengthDelimited(field: 5)
            ProtobufValue.encodeListValues(values, to: &writer)
            writer.endLengthDelimited(start)
        case .interval(let min, let max):
            let start = writer.beginLengthDelimited(field: 6)
            if min.bitPattern != 0 { writer.writeField(1, double: min) }
            if max.bitPattern != 0 { writer.writeField(2, double: max) }
            writer.endLengthDelimited(start)
        case nil: break
        }
        if differs { writer.writeField(7, bool: true) }
    }
}

extension HParamsPluginData.Experiment.MetricInfo: WireCodable {
    /// Creates empty metric info.
    public init() {
        self.init(group: "")
    }

    package mutating func merge(from reader: inout ProtoReader) throws(WireDecodingError) {
        while let tag = try reader.readKey() {
            switch (tag.fieldNumber, tag.wireType) {
            case (1, .lengthDelimited):
                var nested = try reader.readMessage()
                while let field = try nested.readKey() {
                    switch (field.fieldNumber, field.wireType) {
                    case (1, .lengthDelimited): group = try nested.readString()
                    case (2, .lengthDelimited): self.tag = try nested.readString()
                    default: try nested.skipValue(of: field)
                    }
                }
            case (3, .lengthDelimited): displayName = try reader.readString()
            case (4, .lengthDelimited): description = try reader.readString()
            case (5, .varint): datasetType = try reader.readInt32()
            default: try reader.skipValue(of: tag)
            }
        }
    }

    package func encode(to writer: inout ProtoWriter) {
        let start = writer.beginLengthDelimited(field: 1)
        if !group.isEmpty { writer.writeField(1, string: group) }
        if !tag.isEmpty { writer.writeField(2, string: tag) }
        writer.endLengthDelimited(start)
        if !displayName.isEmpty { writer.writeField(3, string: displayName) }
        if !description.isEmpty { writer.writeField(4, string: description) }
        if datasetType != 0 { writer.writeField(5, int64: Int64(datasetType)) }
    }
}
