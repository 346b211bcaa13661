// PRCurve.swift: a precision-recall curve as TensorBoard's PR Curves dashboard draws it.

/// A precision-recall curve at `n` thresholds evenly spaced from 0 to 1 (threshold `i` is `i / (n - 1)`): the
/// true and false positive and negative counts and the precision and recall at each threshold, as the
/// `pr_curves` plugin stores them (a `[6, n]` DT_FLOAT tensor, rows in this order).
///
/// Invariant: the six rows have the same length, at least 2.
public struct PRCurve: Sendable, Equatable {
    /// Examples predicted positive (prediction at or above the threshold) that are positive.
    public private(set) var truePositives: [Double]
    /// Examples predicted positive that are negative.
    public private(set) var falsePositives: [Double]
    /// Examples predicted negative that are negative.
    public private(set) var trueNegatives: [Double]
    /// Examples predicted negative that are positive.
    public private(set) var falseNegatives: [Double]
    /// `tp / max(1e-7, tp + fp)` at each threshold, or as given.
    public private(set) var precision: [Double]
    /// `tp / max(1e-7, tp + fn)` at each threshold, or as given.
    public private(set) var recall: [Double]

    /// The number of thresholds.
    public var thresholdCount: Int { truePositives.count }

    /// Why a curve could not be made from the arguments given.
    public struct InvalidInput: Error, Sendable, Equatable, CustomStringConvertible {
        /// Which argument, and what is wrong with it.
        public var description: String
    }

    /// PyTorch's `add_pr_curve` default: 127 thresholds.
    public static let defaultThresholdCount = 127

    /// Creates a curve from counts computed elsewhere (TensorBoard's `raw_data_pb`).
    /// - Throws: ``InvalidInput`` when the rows differ in length or hold fewer than 2 thresholds.
    public init(
        truePositives: [Double],
        falsePositives: [Double],
        trueNegatives: [Double],
        falseNegatives: [Double],
        precision: [Double],
        recall: [Double]
    ) throws(InvalidInput) {
        let counts = [falsePositives, trueNegatives, falseNegatives, precision, recall].map(\.count)
        guard truePositives.count >= 2, counts.allSatisfy({ $0 == truePositives.count }) else {
            throw InvalidInput(
                description: "the six rows must have one length of at least 2, not \([truePositives.count] + counts)"
            )
        }
        self.truePositives = truePositives
        self.falsePositives = falsePositives
        self.trueNegatives = trueNegatives
        self.falseNegatives = falseNegatives
        self.precision = precision
        self.recall = recall
    }

    /// Computes the curve of binary predictions as TensorBoard's `pr_curve` summary (and PyTorch's
    /// `add_pr_curve`) computes it: each prediction `p` falls in bucket `floor(p * (n - 1))`, computed in the
    /// predictions' own type (so `Float` predictions give what float32 arrays give); predictions outside
    /// [0, 1], NaN or infinite count nowhere; counts are summed in `Double`, weighted, in the order given.
    /// - Parameters:
    ///   - labels: Whether each example is positive.
    ///   - predictions: The predicted probability of each example being positive.
    ///   - thresholdCount: The number of thresholds `n`, at least 2; 127 by default.
    ///   - weights: A weight per example; 1 each by default.
    /// - Throws: ``InvalidInput`` when the lengths differ or `thresholdCount` is below 2 or above 10 million.
    public init<Prediction: BinaryFloatingPoint>(
        labels: [Bool],
        predictions: [Prediction],
        thresholdCount: Int = PRCurve.defaultThresholdCount,
        weights: [Double]? = nil
    ) throws(InvalidInput) {
        guard (2...10_000_000).contains(thresholdCount) else {
            throw InvalidInput(description: "thresholdCount must be from 2 to 10000000, not \(thresholdCount)")
        }
        guard labels.count == predictions.count, weights.map({ $0.count == labels.count }) ?? true else {
            throw InvalidInput(
                description: "labels (\(labels.count)), predictions (\(predictions.count)) and weights "
                    + "(\(weights.map { String($0.count) } ?? "none")) must have one length"
            )
        }
        let (positive, negative) = Self.buckets(labels, predictions, thresholdCount, weights)
        let tp = Self.reverseCumulativeSums(positive)
        let fp = Self.reverseCumulativeSums(negative)
        let allPositive = tp[0]
        let allNegative = fp[0]
        let fn = tp.map { allPositive - $0 }
        try self.init(
            truePositives: tp,
            falsePositives: fp,
            trueNegatives: fp.map { allNegative - $0 },
            falseNegatives: fn,
            precision: zip(tp, fp).map { $0 / Self.atLeastMinimumCount($0 + $1) },
            recall: zip(tp, fn).map { $0 / Self.atLeastMinimumCount($0 + $1) }
        )
    }

    /// The weighted counts of positive and negative examples per bucket, summed as numpy's `histogram` sums
    /// them: in order within blocks of 65,536 examples, block totals added in turn.
    private static func buckets<Prediction: BinaryFloatingPoint>(
        _ labels: [Bool],
        _ predictions: [Prediction],
        _ count: Int,
        _ weights: [Double]?
    ) -> (positive: [Double], negative: [Double]) {
        var positive = [Double](repeating: 0, count: count)
        var negative = [Double](repeating: 0, count: count)
        let block = 65_536
        var start = 0
        let scale = Prediction(count - 1)
        while start < labels.count {
            let end = min(start + block, labels.count)
            var blockPositive = [Double](repeating: 0, count: count)
            var blockNegative = [Double](repeating: 0, count: count)
            for index in start..<end {
                let scaled = (predictions[index] * scale).rounded(.down)
                // Outside [0, n - 1] (NaN and infinities included) an example falls in no bucket.
                guard scaled >= 0, scaled <= scale, let bucket = Int(exactly: scaled) else { continue }
                let weight = weights?[index] ?? 1
                let label: Double = labels[index] ? 1 : 0
                blockPositive[bucket] += label * weight
                blockNegative[bucket] += (1 - label) * weight
            }
            for bucket in 0..<count {
                positive[bucket] += blockPositive[bucket]
                negative[bucket] += blockNegative[bucket]
            }
            start = end
        }
        return (positive, negative)
    }

    /// `sums[i]` = the sum of `values[i...]`, added from the end starting with the last value (as numpy's
    /// `cumsum` of the reversed array, so that a lone `-0.0` stays `-0.0`). `values` is never empty.
    private static func reverseCumulativeSums(_ values: [Double]) -> [Double] {
        var sums = values
        guard var total = values.last else { return sums }
        for index in values.indices.dropLast().reversed() {
            total += values[index]
            sums[index] = total
        }
        return sums
    }

    /// `max(1e-7, value)` as numpy's `maximum` gives it: NaN stays NaN.
    private static func atLeastMinimumCount(_ value: Double) -> Double {
        value.isNaN || value >= 1e-7 ? value : 1e-7
    }

    /// The curve as the plugin's tensor: the six rows, each threshold's values as the nearest `Float`.
    var tensor: TensorProto {
        var tensor = TensorProto(dataType: .float, shape: TensorShapeProto([6, Int64(thresholdCount)]))
        for row in [truePositives, falsePositives, trueNegatives, falseNegatives, precision, recall] {
            tensor.floatValues.append(contentsOf: row.map { Float($0) })
        }
        return tensor
    }
}
