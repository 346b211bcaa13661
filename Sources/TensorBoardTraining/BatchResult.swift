// BatchResult.swift: what one training or validation step gives the trainer.

/// What one training or validation step reports: the batch's mean loss and, for metrics, the labels and the
/// predictions (one row per sample, as ``Metric`` takes them).
///
/// The rows must match: as many `yPred` rows as `yTrue` rows, as many sample weights (when given) as rows, and
/// a size that is not negative. A mismatch is thrown, by the initialiser and again by ``Trainer`` (the
/// properties can change after it), so that no metric silently reads only the shorter list.
public struct BatchResult: Sendable {
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
    /// - Throws: `ConfigurationError` when the rows do not match (see ``validate()``).
    public init(
        loss: Double,
        yTrue: [[Double]] = [],
        yPred: [[Double]] = [],
        sampleWeight: [Double]? = nil,
        size: Int? = nil
    ) throws(ConfigurationError) {
        self.loss = loss
        self.yTrue = yTrue
        self.yPred = yPred
        self.sampleWeight = sampleWeight
        self.size = size ?? max(yTrue.count, 1)
        try validate()
    }

    /// Checks that the rows match.
    /// - Throws: `ConfigurationError` naming `yPred` when its row count differs from `yTrue`'s, `sampleWeight`
    ///   when its count differs from the rows', or `size` when it is negative.
    public func validate() throws(ConfigurationError) {
        guard yPred.count == yTrue.count else {
            throw ConfigurationError(
                type: "BatchResult",
                parameter: "yPred",
                received: "\(yPred.count) rows",
                allowed: "have one row per yTrue row (\(yTrue.count))"
            )
        }
        if let sampleWeight, sampleWeight.count != yTrue.count {
            throw ConfigurationError(
                type: "BatchResult",
                parameter: "sampleWeight",
                received: "\(sampleWeight.count) weights",
                allowed: "have one weight per row (\(yTrue.count))"
            )
        }
        try ConfigurationError.require(size, atLeast: 0, "size", in: "BatchResult")
    }
}
