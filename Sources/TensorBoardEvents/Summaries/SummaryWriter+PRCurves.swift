// SummaryWriter+PRCurves.swift: precision-recall curves for the PR Curves dashboard.

extension SummaryWriter {
    /// Logs a precision-recall curve, as TensorBoard's `pr_curve` summary writes it: a `[6, n]` DT_FLOAT
    /// tensor (true positives, false positives, true negatives, false negatives, precision, recall) with plugin
    /// `pr_curves` and the threshold count in its content.
    /// - Parameters:
    ///   - tag: The series name.
    ///   - curve: The curve.
    ///   - step: The step, of any integer type that fits in `Int64` (else `.stepOutOfRange`).
    ///   - wallTime: Seconds since the epoch; the current time by default, and in place of a non-finite value.
    /// - Throws: ``EventFileError`` when a flush fails or the writer is closed.
    public func prCurve<Step: BinaryInteger>(
        _ tag: String,
        _ curve: PRCurve,
        step: Step,
        wallTime: Double? = nil
    ) throws(EventFileError) {
        let step = try eventStep(step)
        let content = PRCurvePluginData(thresholdCount: UInt32(curve.thresholdCount)).serializedBytes()
        try append(
            tag: tag,
            kind: .tensor(curve.tensor),
            metadata: SummaryMetadata(pluginName: "pr_curves", content: content),
            step: step,
            wallTime: wallTime
        )
    }

    /// Logs the precision-recall curve of binary predictions, computed as ``PRCurve/init(labels:predictions:thresholdCount:weights:)``
    /// computes it (PyTorch's `add_pr_curve`).
    /// - Parameters:
    ///   - tag: The series name.
    ///   - labels: Whether each example is positive.
    ///   - predictions: The predicted probability of each example being positive (`Float` or `Double`).
    ///   - thresholdCount: The number of thresholds, from 2; 127 by default.
    ///   - weights: A weight per example; 1 each by default.
    ///   - step: The step, of any integer type that fits in `Int64` (else `.stepOutOfRange`).
    ///   - wallTime: Seconds since the epoch; the current time by default, and in place of a non-finite value.
    /// - Throws: ``EventFileError``: `.invalidSummary` when the lengths differ or the threshold count is out of
    ///   range (nothing is written), or when a flush fails or the writer is closed.
    public func prCurve<Prediction: BinaryFloatingPoint, Step: BinaryInteger>(
        _ tag: String,
        labels: [Bool],
        predictions: [Prediction],
        thresholdCount: Int = PRCurve.defaultThresholdCount,
        weights: [Double]? = nil,
        step: Step,
        wallTime: Double? = nil
    ) throws(EventFileError) {
        let curve: PRCurve
        do throws(PRCurve.InvalidInput) {
            curve = try PRCurve(
                labels: labels,
                predictions: predictions,
                thresholdCount: thresholdCount,
                weights: weights
            )
        } catch {
            throw EventFileError(.invalidSummary(reason: "PR curve \(tag): \(error.description)"), path: filePath)
        }
        try prCurve(tag, curve, step: step, wallTime: wallTime)
    }
}
