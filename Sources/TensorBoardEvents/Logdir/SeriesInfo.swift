// SeriesInfo.swift: what the metadata of a series says.

/// What the metadata of a series says: its kind, plugin and description.
public struct SeriesInfo: Sendable, Equatable {
    /// The tag.
    public var tag: String
    /// The kind of data.
    public var kind: SeriesKind
    /// The plugin that owns it (`scalars` for legacy scalars, and so on; `""` when nothing says).
    public var pluginName: String
    /// The data class the metadata sets, or `.unknown`.
    public var dataClass: DataClass
    /// The display name, if any.
    public var displayName: String
    /// The description, if any.
    public var summaryDescription: String

    /// Creates series info.
    /// - Parameters:
    ///   - tag: The tag.
    ///   - kind: The kind of data.
    ///   - pluginName: The owning plugin.
    ///   - dataClass: The data class.
    ///   - displayName: The display name.
    ///   - summaryDescription: The description.
    public init(
        tag: String,
        kind: SeriesKind,
        pluginName: String,
        dataClass: DataClass = .unknown,
        displayName: String = "",
        summaryDescription: String = ""
    ) {
        self.tag = tag
        self.kind = kind
        self.pluginName = pluginName
        self.dataClass = dataClass
        self.displayName = displayName
        self.summaryDescription = summaryDescription
    }

    /// The data class TensorBoard's loaders use: the one the metadata sets, or else the one they derive from
    /// the plugin name (`scalars` → scalar; `histograms`, `text`, `hparams`, `pr_curves`, `mesh`,
    /// `custom_scalars` → tensor; `images`, `audio` and the graph plugins → blob sequence; any other → unknown).
    public var effectiveDataClass: DataClass {
        if dataClass != .unknown { return dataClass }
        switch pluginName {
        case "scalars": return .scalar
        case "histograms", "text", "hparams", "pr_curves", "mesh", "custom_scalars": return .tensor
        case "images", "audio", "graph_run_metadata", "graph_run_metadata_graph", "graph_keras_model":
            return .blobSequence
        default: return .unknown
        }
    }
}
