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
