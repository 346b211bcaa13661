// F1Score.swift: the F1 score per class, micro- or macro-averaged, as Keras computes it.

/// The F1 score over columns (classes) of one-hot (or binary) labels, as Keras's `F1Score` computes it.
///
/// With a `threshold`, values above it are predicted positive; without one, each row's highest value (every
/// tied highest value, unless it is within 1e-9 of zero) is. Per class, precision and recall are `TP / (TP + FP + ε)` and `TP / (TP + FN + ε)`
/// with Keras's `ε = 1e-7`, and `F1 = 2PR / (P + R)` (0 when both are 0). `average` chooses the result:
/// per class, `micro` (counts summed over classes first), `macro` (mean of the classes) or `weighted` (mean
/// weighted by each class's label count). ``ConfusionMatrix`` gives scikit-learn's exact F1 instead.
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
        let epsilon = 1e-7
        func score(_ truePositive: Double, _ falsePositive: Double, _ falseNegative: Double) -> Double {
            let precision = divideNoNaN(truePositive, truePositive + falsePositive + epsilon)
            let recall = divideNoNaN(truePositive, truePositive + falseNegative + epsilon)
            return 2 * divideNoNaN(precision * recall, precision + recall)
        }
        if average == .micro {
            return [score(truePositives.reduce(0, +), falsePositives.reduce(0, +), falseNegatives.reduce(0, +))]
        }
        return truePositives.indices.map { score(truePositives[$0], falsePositives[$0], falseNegatives[$0]) }
    }

    /// The score as `average` asks (the mean of the classes for `.none`).
    public var result: Double {
        let scores = results
        guard !scores.isEmpty else { return 0 }
        switch average {
        case .micro: return scores[0]
        case .weighted:
            let total = labelWeights.reduce(0, +)
            return divideNoNaN(zip(scores, labelWeights).reduce(0) { $0 + $1.0 * $1.1 }, total)
        case .none, .macro: return scores.reduce(0, +) / Double(scores.count)
        }
    }

    public func reset() {
        truePositives = []
        falsePositives = []
        falseNegatives = []
        labelWeights = []
    }
}
