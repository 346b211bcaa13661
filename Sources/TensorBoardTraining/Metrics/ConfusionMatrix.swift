// ConfusionMatrix.swift: counts of true class against predicted class, and the exact scores they give.

/// Counts of samples by true class (row) and predicted class (column), and the exact precision, recall and F1
/// scikit-learn derives from them (`zero_division = 0`).
///
/// `yTrue` rows hold a class index (one value) or a one-hot row; `yPred` rows hold class scores, the predicted
/// class being the first highest. For a single-column (binary) `yPred`, the prediction is 1 when the score is
/// above `threshold`. A row whose label is not a class (NaN, infinite, fractional, negative, or not below
/// `classCount`), or whose predicted class is not below `classCount`, or that is empty, is left out, as
/// scikit-learn leaves out samples whose label is not in its `labels` argument.
public final class ConfusionMatrix: Metric {
    /// How per-class scores combine.
    public enum Average: Sendable {
        /// Counts summed over classes first (for single-label data this equals accuracy).
        case micro
        /// The mean of the per-class scores.
        case macro
    }

    public let name: String
    /// The number of classes.
    public let classCount: Int
    /// The threshold for single-column predictions.
    public let threshold: Double
    /// `counts[true][predicted]`, weighted.
    public private(set) var counts: [[Double]]

    /// Creates an empty matrix.
    /// - Parameters:
    ///   - classCount: The number of classes (2 for binary data).
    ///   - threshold: For single-column predictions; 0.5 by default.
    ///   - name: The name in logs; `"confusion_matrix"` by default.
    public init(classCount: Int, threshold: Double = 0.5, name: String = "confusion_matrix") {
        precondition(classCount > 0, "ConfusionMatrix needs at least one class. Received: classCount=\(classCount)")
        self.classCount = classCount
        self.threshold = threshold
        self.name = name
        counts = Array(repeating: Array(repeating: 0, count: classCount), count: classCount)
    }

    public func update(yTrue: [[Double]], yPred: [[Double]], sampleWeight: [Double]?) {
        for row in 0..<min(yTrue.count, yPred.count) {
            guard let labelValue = yTrue[row].first, let score = yPred[row].first else { continue }
            let truth = yTrue[row].count == 1 ? classIndex(labelValue, count: classCount) : firstArgmax(yTrue[row])
            // (compared in doubles: scikit-learn's thresholded labels come from `y_pred > threshold` in float64)
            let predicted = yPred[row].count == 1 ? (score > threshold ? 1 : 0) : firstArgmax(yPred[row])
            guard let truth, truth < classCount, predicted < classCount else { continue }
            counts[truth][predicted] += weight(sampleWeight, row)
        }
    }

    /// Accuracy: the share of samples on the diagonal.
    public var result: Double { accuracy }

    /// The share of samples predicted as their true class.
    public var accuracy: Double {
        divideNoNaN((0..<classCount).reduce(0) { $0 + counts[$1][$1] }, counts.joined().reduce(0, +))
    }

    /// Precision of one class: correct predictions of it over all predictions of it.
    public func precision(ofClass index: Int) -> Double {
        divideNoNaN(counts[index][index], (0..<classCount).reduce(0) { $0 + counts[$1][index] })
    }

    /// Recall of one class: correct predictions of it over its samples.
    public func recall(ofClass index: Int) -> Double {
        divideNoNaN(counts[index][index], counts[index].reduce(0, +))
    }

    /// F1 of one class.
    public func f1(ofClass index: Int) -> Double {
        let precision = precision(ofClass: index)
        let recall = recall(ofClass: index)
        return divideNoNaN(2 * precision * recall, precision + recall)
    }

    /// F1 averaged over classes.
    public func f1(average: Average) -> Double {
        switch average {
        case .macro: return (0..<classCount).reduce(0) { $0 + f1(ofClass: $1) } / Double(classCount)
        case .micro: return accuracy
        }
    }

    public func reset() {
        counts = Array(repeating: Array(repeating: 0, count: classCount), count: classCount)
    }
}
