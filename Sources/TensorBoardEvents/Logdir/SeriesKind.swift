// SeriesKind.swift: what kind of data a series holds, and the facts about a series read from its metadata.

/// What kind of data a series holds, as TensorBoard's dashboards tell them apart.
public enum SeriesKind: String, Sendable, CaseIterable, Comparable {
    /// Scalars: legacy `simple_value`, or numeric one-element tensors with plugin `scalars`.
    case scalar
    /// Histograms: legacy `histo`, or `[k, 3]` tensors with plugin `histograms`.
    case histogram
    /// Images: legacy `image`, or string tensors with plugin `images`.
    case image
    /// Audio: legacy `audio`, or string tensors with plugin `audio`.
    case audio
    /// Markdown text with plugin `text`.
    case text
    /// HParams experiment and session records (plugin `hparams`).
    case hparams
    /// Any other tensor (another plugin, or none).
    case tensor

    /// Orders kinds as they are listed above.
    public static func < (lhs: SeriesKind, rhs: SeriesKind) -> Bool {
        lhs.order < rhs.order
    }

    private var order: Int {
        switch self {
        case .scalar: return 0
        case .histogram: return 1
        case .image: return 2
        case .audio: return 3
        case .text: return 4
        case .hparams: return 5
        case .tensor: return 6
        }
    }

    /// The kind of a series owned by `pluginName` (for tensor values).
    /// - Parameter pluginName: The plugin name from the series metadata.
    public init(pluginName: String) {
        switch pluginName {
        case "scalars": self = .scalar
        case "histograms": self = .histogram
        case "images": self = .image
        case "audio": self = .audio
        case "text": self = .text
        case "hparams": self = .hparams
        default: self = .tensor
        }
    }
}

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
