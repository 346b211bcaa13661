// MulticlassPrecisionRecall.swift: multi-class precision and recall, micro-, macro- or weighted-averaged.

/// Multi-class precision, as scikit-learn's `precision_score(average:)` computes it from the arg-max
/// predictions (``ConfusionMatrix``): `.micro` sums the counts of every class first (for single-label data,
/// accuracy), `.macro` is the mean of the per-class precisions, `.weighted` their mean weighted by each
/// class's true samples. A class never predicted has precision 0. For binary decisions at thresholds, use
/// ``Precision``.
public final class MulticlassPrecision: Metric {
    /// The name in logs.
    public let name: String
    /// How the per-class precisions combine.
    public let average: ConfusionMatrix.Average
    /// The counts behind the score.
    public let matrix: ConfusionMatrix

    /// Creates the metric.
    /// - Parameters:
    ///   - classCount: The number of classes.
    ///   - average: How per-class precisions combine; `.macro` by default.
    ///   - threshold: For single-column (binary) predictions; 0.5 by default.
    ///   - name: The name in logs; `"precision"` by default.
    public init(
        classCount: Int,
        average: ConfusionMatrix.Average = .macro,
        threshold: Double = 0.5,
        name: String = "precision"
    ) {
        self.average = average
        self.name = name
        matrix = ConfusionMatrix(classCount: classCount, threshold: threshold, name: name)
    }

    /// Adds a batch (labels as class indices or one-hot rows, predictions as class scores).
    public func update(yTrue: [[Double]], yPred: [[Double]], sampleWeight: [Double]?) {
        matrix.update(yTrue: yTrue, yPred: yPred, sampleWeight: sampleWeight)
    }

    /// The averaged precision.
    public var result: Double { matrix.precision(average: average) }

    /// The precision of each class.
    public var perClass: [Double] { (0..<matrix.classCount).map { matrix.precision(ofClass: $0) } }

    /// Forgets every batch.
    public func reset() { matrix.reset() }
}

/// Multi-class recall, as scikit-learn's `recall_score(average:)` computes it from the arg-max predictions
/// (``ConfusionMatrix``): `.micro` sums the counts of every class first, `.macro` is the mean of the per-class
/// recalls, `.weighted` their mean weighted by each class's true samples (which equals `.micro`; for
/// single-label data, both are accuracy). A class with no true samples has recall 0. For binary decisions at
/// thresholds, use ``Recall``.
public final class MulticlassRecall: Metric {
    /// The name in logs.
    public let name: String
    /// How the per-class recalls combine.
    public let average: ConfusionMatrix.Average
    /// The counts behind the score.
    public let matrix: ConfusionMatrix

    /// Creates the metric.
    /// - Parameters:
    ///   - classCount: The number of classes.
    ///   - average: How per-class recalls combine; `.macro` by default.
    ///   - threshold: For single-column (binary) predictions; 0.5 by default.
    ///   - name: The name in logs; `"recall"` by default.
    public init(
        classCount: Int,
        average: ConfusionMatrix.Average = .macro,
        threshold: Double = 0.5,
        name: String = "recall"
    ) {
        self.average = average
        self.name = name
        matrix = ConfusionMatrix(classCount: classCount, threshold: threshold, name: name)
    }

    /// Adds a batch (labels as class indices or one-hot rows, predictions as class scores).
    public func update(yTrue: [[Double]], yPred: [[Double]], sampleWeight: [Double]?) {
        matrix.update(yTrue: yTrue, yPred: yPred, sampleWeight: sampleWeight)
    }

    /// The averaged recall.
    public var result: Double { matrix.recall(average: average) }

    /// The recall of each class.
    public var perClass: [Double] { (0..<matrix.classCount).map { matrix.recall(ofClass: $0) } }

    /// Forgets every batch.
    public func reset() { matrix.reset() }
}
