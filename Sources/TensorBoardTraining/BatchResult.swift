// BatchResult.swift: what one training or validation step gives the trainer.

/// What one training or validation step reports: the batch's mean loss and, for metrics, the labels and the
/// predictions (one row per sample, as ``Metric`` takes them).
public struct BatchResult {
    /// The batch's mean loss.
    public var loss: Double
    /// Labels or targets, one row per sample (empty when no metric needs them).
    public var yTrue: [[Double]]
    /// Predictions, one row per sample.
    public var yPred: [[Double]]
    /// Sample weights, if any.
    public var sampleWeight: [Double]?
    /// The number of samples (weights the loss in the epoch's mean).
    public var size: Int

    /// Creates a result.
    /// - Parameters:
    ///   - loss: The batch's mean loss.
    ///   - yTrue: Labels or targets per sample.
    ///   - yPred: Predictions per sample.
    ///   - sampleWeight: Sample weights.
    ///   - size: The number of samples; the number of `yTrue` rows (at least 1) by default.
    public init(
        loss: Double,
        yTrue: [[Double]] = [],
        yPred: [[Double]] = [],
        sampleWeight: [Double]? = nil,
        size: Int? = nil
    ) {
        self.loss = loss
        self.yTrue = yTrue
        self.yPred = yPred
        self.sampleWeight = sampleWeight
        self.size = size ?? max(yTrue.count, 1)
    }
}
