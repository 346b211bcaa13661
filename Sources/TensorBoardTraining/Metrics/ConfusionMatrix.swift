// ConfusionMatrix.swift: counts of true class against predicted class, and the exact scores they give.

/// Counts of samples by true class (row) and predicted class (column), and the exact accuracy, precision,
/// recall and F1 scikit-learn derives from them (`labels = 0..<classCount`, `zero_division = 0`), per class
/// or averaged (``Average``).
///
/// `yTrue` rows hold a class index (one value) or a one-hot row (its class is the first highest value; a row
/// with no value above 0 names no class); `yPred` rows hold class scores, the predicted class being the first
/// highest. For a single-column (binary) `yPred`, the prediction is 1 when the score is
/// above `threshold` (compared in doubles, as scikit-learn's `y_pred > threshold` in float64).
///
/// A label that is not a class (NaN, infinite, fractional, negative, not below `classCount`, or an all-zero
/// one-hot row) never traps.
/// As scikit-learn does with a label missing from `labels`: ``counts`` leave such a sample out (as
/// `confusion_matrix`), but the scores still count it as a wrong prediction of its predicted class (as
/// `precision_score` and `accuracy_score`); likewise a predicted class not below `classCount` is a miss of the
/// true class. Empty rows are left out.
public final class ConfusionMatrix: Metric {
    /// How per-class scores combine, as scikit-learn's `average` argument.
    public enum Average: Sendable, CaseIterable {
        /// Counts summed over classes first (for single-label data with valid labels, this is accuracy).
        case micro
        /// The mean of the per-class scores, every class counting equally.
        case macro
        /// The mean of the per-class scores weighted by each class's (weighted) number of true samples.
        case weighted
    }

    /// The name in logs.
    public let name: String
    /// The number of classes.
    public let classCount: Int
    /// The threshold for single-column predictions.
    public let threshold: Double
    /// `counts[true][predicted]`, weighted.
    public private(set) var counts: [[Double]]
    /// Per class, the weighted number of samples predicted as it (including samples with an invalid label).
    public private(set) var predictedTotals: [Double]
    /// Per class, the weighted number of samples labelled with it (including those predicted as no class).
    public private(set) var trueTotals: [Double]
    /// The weighted number of samples (non-empty rows).
    public private(set) var sampleTotal = 0.0

    /// Creates an empty matrix.
    /// - Parameters:
    ///   - classCount: The number of classes (2 for binary data).
    ///   - threshold: For single-column predictions; 0.5 by default.
    ///   - name: The name in logs; `"confusion_matrix"` by default.
    /// - Throws: `ConfigurationError` when `classCount` is below 1.
    public init(classCount: Int, threshold: Double = 0.5, name: String = "confusion_matrix") throws(ConfigurationError)
    {
        try ConfigurationError.require(classCount, atLeast: 1, "classCount", in: "ConfusionMatrix")
        self.classCount = classCount
        self.threshold = threshold
        self.name = name
        counts = Array(repeating: Array(repeating: 0, count: classCount), count: classCount)
        predictedTotals = Array(repeating: 0, count: classCount)
        trueTotals = predictedTotals
    }

    /// Adds a batch of labels (class indices or one-hot rows) and class scores.
    public func update(yTrue: [[Double]], yPred: [[Double]], sampleWeight: [Double]?) {
        for row in 0..<min(yTrue.count, yPred.count) {
            guard let labelValue = yTrue[row].first, let score = yPred[row].first else { continue }
            let truth = yTrue[row].count == 1 ? classIndex(labelValue, count: classCount) : oneHotClass(yTrue[row])
            let predicted = yPred[row].count == 1 ? (score > threshold ? 1 : 0) : firstArgmax(yPred[row])
            let rowWeight = weight(sampleWeight, row)
            sampleTotal += rowWeight
            let validTruth = truth.flatMap { $0 < classCount ? $0 : nil }
            let validPrediction = predicted < classCount ? predicted : nil
            if let validTruth { trueTotals[validTruth] += rowWeight }
            if let validPrediction { predictedTotals[validPrediction] += rowWeight }
            if let validTruth, let validPrediction { counts[validTruth][validPrediction] += rowWeight }
        }
    }

    /// Accuracy: the share of samples on the diagonal.
    public var result: Double { accuracy }

    /// The share of samples predicted as their true class (a sample with an invalid label is a miss).
    public var accuracy: Double {
        divideNoNaN((0..<classCount).reduce(0) { $0 + counts[$1][$1] }, sampleTotal)
    }

    /// Precision of one class: correct predictions of it over all predictions of it; 0 for a class outside
    /// `0..<classCount`.
    public func precision(ofClass index: Int) -> Double {
        guard counts.indices.contains(index) else { return 0 }
        return divideNoNaN(counts[index][index], predictedTotals[index])
    }

    /// Recall of one class: correct predictions of it over its samples; 0 for a class outside `0..<classCount`.
    public func recall(ofClass index: Int) -> Double {
        guard counts.indices.contains(index) else { return 0 }
        return divideNoNaN(counts[index][index], trueTotals[index])
    }

    /// F1 of one class: `2PR / (P + R)`, 0 when both are 0.
    public func f1(ofClass index: Int) -> Double {
        f1(precision: precision(ofClass: index), recall: recall(ofClass: index))
    }

    /// Forgets every sample.
    public func reset() {
        counts = Array(repeating: Array(repeating: 0, count: classCount), count: classCount)
        predictedTotals = Array(repeating: 0, count: classCount)
        trueTotals = predictedTotals
        sampleTotal = 0
    }

    /// The class of a one-hot row: its first highest value's index, or `nil` when no value is above 0 (an
    /// all-zero row names no class).
    private func oneHotClass(_ row: [Double]) -> Int? {
        let index = firstArgmax(row)
        return row[index] > 0 ? index : nil
    }

    func f1(precision: Double, recall: Double) -> Double {
        divideNoNaN(2 * precision * recall, precision + recall)
    }
}
