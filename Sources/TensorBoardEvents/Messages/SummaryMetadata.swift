// SummaryMetadata.swift: which plugin owns a series, and what class of data it holds.

/// What a summary value is and how TensorBoard should show it. Proto message `SummaryMetadata`.
///
/// TensorBoard reads the metadata of the first value of each tag in a run; a modern (tensor) series whose
/// first value has none is dropped by the Rust loader.
public struct SummaryMetadata: Sendable, Equatable {
    /// The plugin that owns the series. Proto field `plugin_data = 1`.
    public var pluginData: PluginData?
    /// A display name. Proto field `display_name = 2`.
    public var displayName: String
    /// A Markdown description. Proto field `summary_description = 3`.
    public var summaryDescription: String
    /// The class of data. Proto field `data_class = 4` (enum `DataClass`).
    public var dataClass: DataClass

    /// The plugin that owns a series and its plugin-specific content. Proto message `SummaryMetadata.PluginData`.
    public struct PluginData: Sendable, Equatable {
        /// The plugin's name, such as `"scalars"`. Proto field `plugin_name = 1`.
        public var pluginName: String
        /// Plugin-specific bytes, usually a serialized plugin proto. Proto field `content = 2`.
        public var content: [UInt8]

        /// Creates plugin data.
        /// - Parameters:
        ///   - pluginName: The plugin's name.
        ///   - content: Plugin-specific bytes.
        public init(pluginName: String = "", content: [UInt8] = []) {
            self.pluginName = pluginName
            self.content = content
        }
    }

    /// Creates metadata.
    /// - Parameters:
    ///   - pluginName: The plugin's name, or `nil` for no plugin data.
    ///   - content: Plugin-specific bytes.
    ///   - dataClass: The class of data.
    ///   - displayName: A display name.
    ///   - summaryDescription: A Markdown description.
    public init(
        pluginName: String? = nil,
        content: [UInt8] = [],
        dataClass: DataClass = .unknown,
        displayName: String = "",
        summaryDescription: String = ""
    ) {
        self.pluginData = pluginName.map { PluginData(pluginName: $0, content: content) }
        self.dataClass = dataClass
        self.displayName = displayName
        self.summaryDescription = summaryDescription
    }

    /// The plugin name, or `""` when there is no plugin data.
    public var pluginName: String { pluginData?.pluginName ?? "" }
}

extension SummaryMetadata: WireCodable {
    /// Creates empty metadata.
    public init() {
        self.init(pluginName: nil)
    }

    package mutating func merge(from reader: inout ProtoReader) throws(WireDecodingError) {
        while let tag = try reader.readKey() {
            switch (tag.fieldNumber, tag.wireType) {
            case (1, .lengthDelimited):
                var pluginData = self.pluginData ?? PluginData()
                try reader.readMessage(into: &pluginData)
                self.pluginData = pluginData
            case (2, .lengthDelimited): displayName = try reader.readString()
            case (3, .lengthDelimited): summaryDescription = try reader.readString()
            case (4, .varint): dataClass = DataClass(rawValue: try reader.readInt32())
            default: try reader.skipValue(of: tag)
            }
        }
    }

    package func encode(to writer: inout ProtoWriter) {
        if let pluginData { writer.writeField(1, message: pluginData) }
        if !displayName.isEmpty { writer.writeField(2, string: displayName) }
        if !summaryDescription.isEmpty { writer.writeField(3, string: summaryDescription) }
        if dataClass.rawValue != 0 { writer.writeField(4, int64: Int64(dataClass.rawValue)) }
    }
}

extension SummaryMetadata.PluginData: WireCodable {
    /// Creates empty plugin data.
    public init() {
        self.init(pluginName: "")
    }

    package mutating func merge(from reader: inout ProtoReader) throws(WireDecodingError) {
        while let tag = try reader.readKey() {
            switch (tag.fieldNumber, tag.wireType) {
            case (1, .lengthDelimited): pluginName = try reader.readString()
            case (2, .lengthDelimited): content = try reader.readBytes()
            default: try reader.skipValue(of: tag)
            }
        }
    }

    package func encode(to writer: inout ProtoWriter) {
        if !pluginName.isEmpty { writer.writeField(1, string: pluginName) }
        if !content.isEmpty { writer.writeField(2, bytes: content) }
    }
}
