// PRCurveTable.swift: the rows of a PR curve tensor, one per threshold, as the PR Curves dashboard reads them.

import TensorBoardEvents

/// A PR curve point (plugin `pr_curves`: a `[6, n]` tensor whose rows are true positives, false positives,
/// true negatives, false negatives, precision and recall) as one row per threshold.
///
/// The thresholds are TensorBoard's: `np.linspace(0, 1, n)`, which is `i × (1 / (n − 1))` with the last set
/// to exactly 1 (and 0 alone for `n = 1`), so they match its values to the bit. Every threshold is kept: the
/// plugin's HTTP route also drops the trailing thresholds where tp + fp = 0 (precision undefined), but the
/// stored tensor, which tbparse and other readers give, holds them all.
struct PRCurveTable: Equatable {
    /// One threshold's values, as stored (32-bit floats widen exactly).
    struct Row: Equatable {
        var threshold: Double
        var truePositives: Double
        var falsePositives: Double
        var trueNegatives: Double
        var falseNegatives: Double
        var precision: Double
        var recall: Double
    }

    /// The rows, by increasing threshold.
    var rows: [Row]

    /// The rows of a tensor, or `nil` when it is not a numeric `[6, n]` tensor with `n ≥ 1`.
    init?(_ tensor: TensorProto) {
        guard let sizes = tensor.shape?.sizes, sizes.count == 2, sizes[0] == 6, sizes[1] >= 1,
            let values = TensorValues.numbers(of: tensor), values.count == 6 * Int(sizes[1])
        else { return nil }
        let count = Int(sizes[1])
        rows = (0..<count).map { index in
            func value(_ row: Int) -> Double { values[row * count + index] }
            return Row(
                threshold: Self.threshold(index, count: count),
                truePositives: value(0),
                falsePositives: value(1),
                trueNegatives: value(2),
                falseNegatives: value(3),
                precision: value(4),
                recall: value(5)
            )
        }
    }

    /// The `index`-th of `count` thresholds from 0 to 1, as `np.linspace(0.0, 1.0, count)` computes it.
    static func threshold(_ index: Int, count: Int) -> Double {
        guard count > 1 else { return 0 }
        if index == count - 1 { return 1 }
        return Double(index) * (1.0 / Double(count - 1))
    }
}
