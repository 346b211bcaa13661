// SummaryMetadata+Plugins.swift: the metadata TensorBoard's built-in plugins expect on each kind of summary.

extension SummaryMetadata {
    /// Plugin `scalars`, class SCALAR: a rank-0 DT_FLOAT tensor per point (TF2 and Keras write this).
    public static let scalars = SummaryMetadata(pluginName: "scalars", dataClass: .scalar)

    /// Plugin `histograms`, class TENSOR: a `[k, 3]` tensor of (left edge, right edge, count) rows per point.
    public static let histograms = SummaryMetadata(pluginName: "histograms", dataClass: .tensor)

    /// Plugin `text`, class TENSOR: a DT_STRING tensor of Markdown per point.
    public static let text = SummaryMetadata(pluginName: "text", dataClass: .tensor)

    /// Plugin `images`, class BLOB_SEQUENCE: a rank-1 DT_STRING tensor `[width, height, image...]` per point.
    public static let images = SummaryMetadata(pluginName: "images", dataClass: .blobSequence)

    /// Plugin `hparams` with `data` as its content; the class is left for the loaders to derive (TENSOR), as
    /// TensorBoard's own hparams summaries do.
    /// - Parameter data: The experiment, session start or session end.
    public static func hparams(_ data: HParamsPluginData) -> SummaryMetadata {
        SummaryMetadata(pluginName: HParamsPluginData.pluginName, content: data.serializedBytes())
    }
}
