// PrecisionRecall.swift: precision and recall at one or more thresholds.

/// Precision, `TP / (TP + FP)`, at each threshold (Keras's `Precision`): values above the threshold count as
/// predicted positive. 0 when nothing was predicted positive.
public final class Precision: Metric {
    /// The name in logs.
    public let name: String
    private var counts: ThresholdCounts

    /// Creates the metric.
    /// - Parameters:
    ///   - thresholds: The decision thresholds; `[0.5]` by default.
    ///   - name: The name in logs; `"precision"` by default.
    /// - Throws: `ConfigurationError` when `thresholds` is empty or holds a value outside [0, 1].
    public init(thresholds: [Double] = [0.5], name: String = "precision") throws(ConfigurationError) {
        self.name = name
        self.counts = try ThresholdCounts(validating: thresholds, in: "Precision")
    }

    /// Adds a batch: every value of every row counts at each threshold.
    public func update(yTrue: [[Double]], yPred: [[Double]], sampleWeight: [Double]?) {
        counts.update(yTrue: yTrue, yPred: yPred, sampleWeight: sampleWeight)
    }

    /// The precision at each threshold.
    public var results: [Double] {
        zip(counts.truePositives, counts.falsePositives).map { divideNoNaN($0, $0 + $1) }
    }

    /// The precision at the first threshold.
    public var result: Double { results.first ?? 0 }

    /// Forgets every batch.
    public func reset() { counts.reset() }
}

/// Recall, `TP / (TP + FN)`, at each threshold (Keras's `Recall`). 0 when there are no positive labels.
public final class Recall: Metric {
    /// The name in logs.
    public let name: String
    private var counts: ThresholdCounts

    /// Creates the metric.
    /// - Parameters:
    ///   - thresholds: The decision thresholds; `[0.5]` by default.
    ///   - name: The name in logs; `"recall"` by default.
    /// - Throws: `ConfigurationError` when `thresholds` is empty or holds a value outside [0, 1].
    public init(thresholds: [Double] = [0.5], name: String = "recall") throws(ConfigurationError) {
        self.name = name
        self.counts = try ThresholdCounts(validating: thresholds, in: "Recall")
    }

    /// Adds a batch: every value of every row counts at each threshold.
    public func update(yTrue: [[Double]], yPred: [[Double]], sampleWeight: [Double]?) {
        counts.update(yTrue: yTrue, yPred: yPred, sampleWeight: sampleWeight)
    }

    /// The recall at each threshold.
    public var results: [Double] {
        zip(counts.truePositives, counts.falseNegatives).map { divideNoNaN($0, $0 + $1) }
    }

    /// The recall at the first threshold.
    public var result: Double { results.first ?? 0 }

    /// Forgets every batch.
    public func reset() { counts.reset() }
}
