// F1Score.swift: the F1 score per class, micro- or macro-averaged, as Keras computes it.

/// The F1 score over columns (classes) of one-hot (or binary) labels, as Keras's `F1Score` computes it.
///
/// With a `threshold`, values above it are predicted positive; without one, each row's highest value (every
/// tied highest value, unless it is within 1e-9 of zero) is. Per class, with Keras's `ε = 1e-7`, precision is
/// `P = TP / (TP + FP + ε)`, recall `R = TP / (TP + FN + ε)` and `F1 = 2 · PR / (P + R + ε)` (0 when both are
/// 0), Keras's formula term for term. `average` chooses the result: per class, `micro` (counts summed over
/// classes first), `macro` (mean of the classes) or `weighted` (each class weighted by its label count over the
/// total count plus ε, as Keras weights it). ``ConfusionMatrix`` gives scikit-learn's exact F1 instead.
public final class F1Score: Metric {
    /// How per-class scores combine.
    public enum Average: Sendable {
        /// One score per class (``result`` is then their mean).
        case none
        /// Counts summed over classes, then one score.
        case micro
        /// The mean of the per-class scores.
        case macro
        /// The mean of the per-class scores, weighted by each class's label count.
        case weighted
    }

    /// The name in logs.
    public let name: String
    /// How per-class scores combine.
    public let average: Average
    /// The decision threshold, or `nil` for "the row's highest value".
    public let threshold: Double?
    private var truePositives: [Double] = []
    private var falsePositives: [Double] = []
    private var falseNegatives: [Double] = []
    private var labelWeights: [Double] = []

    /// Creates the metric.
    /// - Parameters:
    ///   - average: How per-class scores combine; `.macro` by default.
    ///   - threshold: The decision threshold, or `nil` (the default) for each row's highest value.
    ///   - name: The name in logs; `"f1_score"` by default.
    public init(average: Average = .macro, threshold: Double? = nil, name: String = "f1_score") {
        self.average = average
        self.threshold = threshold
        self.name = name
    }

    /// Adds a batch: counts true and false positives and false negatives per column.
    public func update(yTrue: [[Double]], yPred: [[Double]], sampleWeight: [Double]?) {
        for row in 0..<min(yTrue.count, yPred.count) {
            let columns = min(yTrue[row].count, yPred[row].count)
            if truePositives.count < columns {
                let extra = columns - truePositives.count
                truePositives += Array(repeating: 0, count: extra)
                falsePositives += Array(repeating: 0, count: extra)
                falseNegatives += Array(repeating: 0, count: extra)
                labelWeights += Array(repeating: 0, count: extra)
            }
            let rowWeight = weight(sampleWeight, row)
            let highest = yPred[row].prefix(columns).max() ?? 0
            for column in 0..<columns {
                let value = yPred[row][column]
                let predicted = threshold.map { Float(value) > Float($0) } ?? (value >= highest && abs(value) > 1e-9)
                let truth = yTrue[row][column]
                let positive = predicted ? 1.0 : 0.0
                truePositives[column] += positive * truth * rowWeight
                falsePositives[column] += positive * (1 - truth) * rowWeight
                falseNegatives[column] += (1 - positive) * truth * rowWeight
                labelWeights[column] += truth * rowWeight
            }
        }
    }

    /// The score of each class (or, for `micro`, the one score).
    public var results: [Double] {
        if average == .micro {
            let sum = { (values: [Double]) in values.reduce(0, +) }
            return [Self.score(sum(truePositives), sum(falsePositives), sum(falseNegatives))]
        }
        return truePositives.indices.map { Self.score(truePositives[$0], falsePositives[$0], falseNegatives[$0]) }
    }

    /// The score as `average` asks (the mean of the classes for `.none`).
    public var result: Double {
        let scores = results
        guard let first = scores.first else { return 0 }
        switch average {
        case .micro: return first
        case .weighted:
            // As Keras: each class weighs its label count over the total plus ε.
            let total = labelWeights.reduce(0, +) + Self.epsilon
            return zip(scores, labelWeights).reduce(0) { $0 + $1.0 * ($1.1 / total) }
        case .none, .macro: return scores.reduce(0, +) / Double(scores.count)
        }
    }

    /// Keras's `backend.epsilon()`.
    private static let epsilon = 1e-7

    /// Keras's F1 of one class: `P = TP / (TP + FP + ε)`, `R = TP / (TP + FN + ε)`, `F1 = 2 · PR / (P + R + ε)`.
    private static func score(_ truePositive: Double, _ falsePositive: Double, _ falseNegative: Double) -> Double {
        let precision = truePositive / (truePositive + falsePositive + epsilon)
        let recall = truePositive / (truePositive + falseNegative + epsilon)
        return 2 * (precision * recall / (precision + recall + epsilon))
    }

    /// Forgets every batch.
    public func reset() {
        truePositives = []
        falsePositives = []
        falseNegatives = []
        labelWeights = []
    }
}
