// AUC.swift: area under the ROC or precision-recall curve, thresholded as Keras estimates it, and exact.

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The area under the ROC or the precision-recall curve, estimated as Keras's `AUC` estimates it: predictions
/// are counted against `numThresholds` thresholds evenly spaced in [0, 1] (the outer two just outside it), and
/// the curve through those points is integrated: ROC by the trapezoid rule, PR by Davis and Goadrich's
/// interpolation. ``exactROC(labels:scores:weights:)`` and ``averagePrecision(labels:scores:weights:)`` give the exact values
/// (as scikit-learn's `roc_auc_score` and `average_precision_score`).
public final class AUC: Metric {
    /// Which curve.
    public enum Curve: Sendable {
        /// True-positive rate against false-positive rate.
        case roc
        /// Precision against recall.
        case precisionRecall
    }

    /// The name in logs.
    public let name: String
    /// Which curve.
    public let curve: Curve
    /// The number of thresholds.
    public let numThresholds: Int
    private var counts: ThresholdCounts

    /// Creates the metric.
    /// - Parameters:
    ///   - curve: `.roc` (the default) or `.precisionRecall`.
    ///   - numThresholds: Thresholds for the estimate; 200 by default, as in Keras.
    ///   - name: The name in logs; `"auc"` by default.
    /// - Throws: `ConfigurationError` when `numThresholds` is below 2 (a curve needs two points).
    public init(curve: Curve = .roc, numThresholds: Int = 200, name: String = "auc") throws(ConfigurationError) {
        try ConfigurationError.require(numThresholds, atLeast: 2, "numThresholds", in: "AUC")
        self.curve = curve
        self.numThresholds = numThresholds
        self.name = name
        let epsilon = 1e-7
        let inner = (1..<(numThresholds - 1)).map { Double($0) / Double(numThresholds - 1) }
        counts = ThresholdCounts(thresholds: [-epsilon] + inner + [1 + epsilon])
    }

    /// Adds a batch: every value of every row counts at each threshold.
    public func update(yTrue: [[Double]], yPred: [[Double]], sampleWeight: [Double]?) {
        counts.update(yTrue: yTrue, yPred: yPred, sampleWeight: sampleWeight)
    }

    /// The estimated area under the curve (0 with no data).
    public var result: Double {
        let tp = counts.truePositives
        let fp = counts.falsePositives
        let tn = counts.trueNegatives
        let fn = counts.falseNegatives
        let n = numThresholds
        switch curve {
        case .roc:
            var recall = [Double](repeating: 0, count: n)
            var falsePositiveRate = [Double](repeating: 0, count: n)
            for i in 0..<n {
                recall[i] = divideNoNaN(tp[i], tp[i] + fn[i])
                falsePositiveRate[i] = divideNoNaN(fp[i], fp[i] + tn[i])
            }
            var area = 0.0
            for i in 0..<(n - 1) {
                let width = falsePositiveRate[i] - falsePositiveRate[i + 1]
                let height = (recall[i] + recall[i + 1]) / 2
                area += width * height
            }
            return area
        case .precisionRecall:
            var area = 0.0
            for i in 0..<(n - 1) {
                let deltaTP = tp[i] - tp[i + 1]
                let predictedA = tp[i] + fp[i]
                let predictedB = tp[i + 1] + fp[i + 1]
                let slope = divideNoNaN(deltaTP, max(predictedA - predictedB, 0))
                let intercept = tp[i + 1] - slope * predictedB
                let ratio = predictedA > 0 && predictedB > 0 ? divideNoNaN(predictedA, max(predictedB, 0)) : 1
                area += divideNoNaN(slope * (deltaTP + intercept * log(ratio)), max(tp[i + 1] + fn[i + 1], 0))
            }
            return area
        }
    }

    /// Forgets every batch.
    public func reset() { counts.reset() }

    /// The exact area under the ROC curve (scikit-learn's `roc_auc_score`): the trapezoid rule through every
    /// distinct score, ties taken together.
    /// - Parameters:
    ///   - labels: 1 (or any non-zero value) for positive, 0 for negative.
    ///   - scores: Higher means more likely positive.
    ///   - weights: A weight per sample (samples of weight 0 are left out, as scikit-learn does); all 1 when
    ///     `nil`, the default.
    /// - Returns: The area, or `nil` when the samples are all of one class (the curve is undefined).
    public static func exactROC(labels: [Double], scores: [Double], weights: [Double]? = nil) -> Double? {
        let points = curvePoints(labels: labels, scores: scores, weights: weights)
        guard let last = points.last, last.truePositives > 0, last.falsePositives > 0 else { return nil }
        var area = 0.0
        var previous = (x: 0.0, y: 0.0)
        for point in points {
            let x = point.falsePositives / last.falsePositives
            let y = point.truePositives / last.truePositives
            area += (x - previous.x) * (y + previous.y) / 2
            previous = (x, y)
        }
        return area
    }

    /// The average precision (scikit-learn's `average_precision_score`): `Σ (Rₙ − Rₙ₋₁) Pₙ` over every distinct
    /// score from the highest down.
    /// - Parameters:
    ///   - labels: 1 (or any non-zero value) for positive, 0 for negative.
    ///   - scores: Higher means more likely positive.
    ///   - weights: A weight per sample (weight 0 leaves a sample out); all 1 when `nil`, the default.
    /// - Returns: The average precision; 0 when there are no positive labels.
    public static func averagePrecision(labels: [Double], scores: [Double], weights: [Double]? = nil) -> Double {
        let points = curvePoints(labels: labels, scores: scores, weights: weights)
        guard let last = points.last, last.truePositives > 0 else { return 0 }
        var sum = 0.0
        var previousRecall = 0.0
        for point in points {
            let recall = point.truePositives / last.truePositives
            let precision = divideNoNaN(point.truePositives, point.truePositives + point.falsePositives)
            sum += (recall - previousRecall) * precision
            previousRecall = recall
        }
        return sum
    }

    /// Cumulative weighted true and false positives at each distinct score, from the highest down.
    private static func curvePoints(
        labels: [Double],
        scores: [Double],
        weights: [Double]?
    ) -> [(truePositives: Double, falsePositives: Double)] {
        let samples = zip(scores, labels).enumerated().map { (score: $1.0, label: $1.1, weight: weight(weights, $0)) }
        // Weight 0 leaves a sample out (as scikit-learn does); so does a NaN score, which has no rank.
        let sorted = samples.filter { $0.weight != 0 && !$0.score.isNaN }.sorted { $0.score > $1.score }
        var points: [(truePositives: Double, falsePositives: Double)] = []
        var truePositives = 0.0
        var falsePositives = 0.0
        for (index, sample) in sorted.enumerated() {
            if sample.label != 0 { truePositives += sample.weight } else { falsePositives += sample.weight }
            if index + 1 == sorted.count || sorted[index + 1].score != sample.score {
                points.append((truePositives, falsePositives))
            }
        }
        return points
    }
}
