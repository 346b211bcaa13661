// MulticlassPrecisionRecall.swift: multi-class precision and recall, micro-, macro- or weighted-averaged.

/// A score of arg-max predictions read from a ``ConfusionMatrix`` and averaged over the classes: the shared
/// body of ``MulticlassPrecision`` and ``MulticlassRecall``.
public class ConfusionMatrixScore: Metric {
    /// The name in logs.
    public let name: String
    /// How the per-class scores combine.
    public let average: ConfusionMatrix.Average
    /// The counts behind the score.
    public let matrix: ConfusionMatrix
    private let averaged: (ConfusionMatrix, ConfusionMatrix.Average) -> Double
    private let ofClass: (ConfusionMatrix, Int) -> Double

    init(
        classCount: Int,
        average: ConfusionMatrix.Average,
        threshold: Double,
        name: String,
        averaged: @escaping (ConfusionMatrix, ConfusionMatrix.Average) -> Double,
        ofClass: @escaping (ConfusionMatrix, Int) -> Double
    ) throws(ConfigurationError) {
        self.average = average
        self.name = name
        self.averaged = averaged
        self.ofClass = ofClass
        matrix = try ConfusionMatrix(classCount: classCount, threshold: threshold, name: name)
    }

    /// Adds a batch (labels as class indices or one-hot rows, predictions as class scores).
    public func update(yTrue: [[Double]], yPred: [[Double]], sampleWeight: [Double]?) {
        matrix.update(yTrue: yTrue, yPred: yPred, sampleWeight: sampleWeight)
    }

    /// The averaged score.
    public var result: Double { averaged(matrix, average) }

    /// The score of each class.
    public var perClass: [Double] { (0..<matrix.classCount).map { ofClass(matrix, $0) } }

    /// Forgets every batch.
    public func reset() { matrix.reset() }
}

/// Multi-class precision, as scikit-learn's `precision_score(average:)` computes it from the arg-max
/// predictions (``ConfusionMatrix``): `.micro` sums the counts of every class first (for single-label data,
/// accuracy), `.macro` is the mean of the per-class precisions, `.weighted` their mean weighted by each
/// class's true samples. A class never predicted has precision 0. For binary decisions at thresholds, use
/// ``Precision``.
public final class MulticlassPrecision: ConfusionMatrixScore {
    /// Creates the metric.
    /// - Parameters:
    ///   - classCount: The number of classes.
    ///   - average: How per-class precisions combine; `.macro` by default.
    ///   - threshold: For single-column (binary) predictions; 0.5 by default.
    ///   - name: The name in logs; `"precision"` by default.
    /// - Throws: `ConfigurationError` when `classCount` is below 1.
    public init(
        classCount: Int,
        average: ConfusionMatrix.Average = .macro,
        threshold: Double = 0.5,
        name: String = "precision"
    ) throws(ConfigurationError) {
        try super.init(
            classCount: classCount,
            average: average,
            threshold: threshold,
            name: name,
            averaged: { $0.precision(average: $1) },
            ofClass: { $0.precision(ofClass: $1) }
        )
    }
}

/// Multi-class recall, as scikit-learn's `recall_score(average:)` computes it from the arg-max predictions
/// (``ConfusionMatrix``): `.micro` sums the counts of every class first, `.macro` is the mean of the per-class
/// recalls, `.weighted` their mean weighted by each class's true samples (which equals `.micro`; for
/// single-label data, both are accuracy). A class with no true samples has recall 0. For binary decisions at
/// thresholds, use ``Recall``.
public final class MulticlassRecall: ConfusionMatrixScore {
    /// Creates the metric.
    /// - Parameters:
    ///   - classCount: The number of classes.
    ///   - average: How per-class recalls combine; `.macro` by default.
    ///   - threshold: For single-column (binary) predictions; 0.5 by default.
    ///   - name: The name in logs; `"recall"` by default.
    /// - Throws: `ConfigurationError` when `classCount` is below 1.
    public init(
        classCount: Int,
        average: ConfusionMatrix.Average = .macro,
        threshold: Double = 0.5,
        name: String = "recall"
    ) throws(ConfigurationError) {
        try super.init(
            classCount: classCount,
            average: average,
            threshold: threshold,
            name: name,
            averaged: { $0.recall(average: $1) },
            ofClass: { $0.recall(ofClass: $1) }
        )
    }
}
