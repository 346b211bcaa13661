// TopKAccuracies.swift: the share of samples whose true class is among the k highest predictions.

/// How a top-k accuracy treats scores tied with the label's class.
public enum TopKTieBreaking: Sendable {
    /// Ties count in the label's favour: a hit when fewer than `k` classes score strictly higher (Keras, that
    /// is TensorFlow's `in_top_k`).
    case inLabelsFavour
    /// Among tied scores the higher class index ranks first (scikit-learn's `top_k_accuracy_score`, which sorts
    /// with a stable ascending sort and reverses).
    case higherClassFirst
}

/// The share of samples whose label's class is among the `k` highest predictions (Keras's
/// `SparseTopKCategoricalAccuracy`): `yTrue` rows hold the class index.
///
/// As in Keras, ties count in the label's favour by default (``TopKTieBreaking``), and a row holding a NaN or
/// infinite score is a miss. A fractional label is truncated toward zero first (Keras casts labels to `int32`:
/// 2.5 is class 2); a label that is then not a class index (NaN, infinite, negative, too large) is a miss
/// that still counts, as in Keras.
public final class SparseTopKCategoricalAccuracy: MeanOfSamples {
    /// Creates the metric.
    /// - Parameters:
    ///   - k: How many top classes count; 5 by default.
    ///   - ties: How scores tied with the label's count; in the label's favour (Keras) by default.
    ///   - name: The name in logs; `"sparse_top_k_categorical_accuracy"` by default, as in Keras.
    /// - Throws: `ConfigurationError` when `k` is below 1.
    public init(
        k: Int = 5,
        ties: TopKTieBreaking = .inLabelsFavour,
        name: String = "sparse_top_k_categorical_accuracy"
    ) throws(ConfigurationError) {
        try ConfigurationError.require(k, atLeast: 1, "k", in: "SparseTopKCategoricalAccuracy")
        super.init(name: name) { truth, prediction in
            guard let label = truth.first, label.isFinite,
                let index = classIndex(label.rounded(.towardZero), count: prediction.count)
            else { return 0 }
            return isInTopK(index, of: prediction, k: k, ties: ties) ? 1 : 0
        }
    }
}

/// The share of samples whose one-hot label's class is among the `k` highest predictions (Keras's
/// `TopKCategoricalAccuracy`): the label's class is the first highest value of the `yTrue` row; ties and
/// non-finite scores are treated as in ``SparseTopKCategoricalAccuracy``.
public final class TopKCategoricalAccuracy: MeanOfSamples {
    /// Creates the metric.
    /// - Parameters:
    ///   - k: How many top classes count; 5 by default.
    ///   - ties: How scores tied with the label's count; in the label's favour (Keras) by default.
    ///   - name: The name in logs; `"top_k_categorical_accuracy"` by default, as in Keras.
    /// - Throws: `ConfigurationError` when `k` is below 1.
    public init(
        k: Int = 5,
        ties: TopKTieBreaking = .inLabelsFavour,
        name: String = "top_k_categorical_accuracy"
    ) throws(ConfigurationError) {
        try ConfigurationError.require(k, atLeast: 1, "k", in: "TopKCategoricalAccuracy")
        super.init(name: name) { truth, prediction in
            let index = firstArgmax(truth)
            guard !truth.isEmpty, prediction.indices.contains(index) else { return 0 }
            return isInTopK(index, of: prediction, k: k, ties: ties) ? 1 : 0
        }
    }
}

/// Whether class `index` (a valid index of `row`) ranks among the `k` highest scores of `row`, every score
/// being finite.
private func isInTopK(_ index: Int, of row: [Double], k: Int, ties: TopKTieBreaking) -> Bool {
    guard row.allSatisfy(\.isFinite) else { return false }
    let score = row[index]
    var ahead = 0
    for (other, value) in row.enumerated() where value > score || (value == score && other > index) {
        if value > score || ties == .higherClassFirst { ahead += 1 }
    }
    return ahead < k
}
