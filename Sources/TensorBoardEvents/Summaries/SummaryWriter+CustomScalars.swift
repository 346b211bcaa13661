// SummaryWriter+CustomScalars.swift: the Custom Scalars dashboard's layout.

extension SummaryWriter {
    /// Logs the layout of TensorBoard's Custom Scalars dashboard: charts with several lines (series of any runs
    /// whose tags match a chart's regular expressions) and margin charts. Written as the plugin's own writers
    /// write it: tag `custom_scalars__config__`, plugin `custom_scalars`, the serialized `Layout` as a rank-0
    /// DT_STRING tensor. Write it once, in any run (the dashboard merges every run's layout); the dashboard
    /// uses the run's first layout.
    /// - Parameters:
    ///   - layout: The categories and charts.
    ///   - step: The step; 0 by default.
    ///   - wallTime: Seconds since the epoch; the current time by default, and in place of a non-finite value.
    /// - Throws: ``EventFileError`` when a flush fails or the writer is closed.
    public func customScalarLayout(
        _ layout: CustomScalarLayout,
        step: Int64 = 0,
        wallTime: Double? = nil
    ) throws(EventFileError) {
        let tensor = TensorProto.strings([layout.serializedBytes()], shape: [])
        try append(
            tag: CustomScalarLayout.tag,
            kind: .tensor(tensor),
            metadata: SummaryMetadata(pluginName: CustomScalarLayout.pluginName),
            step: step,
            wallTime: wallTime
        )
    }
}
