// Accuracies.swift: binary, categorical and sparse categorical accuracy.

/// The share of values whose prediction, thresholded, equals the label (Keras's `BinaryAccuracy`): a value is
/// predicted positive when it is above `threshold` (compared in 32-bit floats, as Keras compares).
public final class BinaryAccuracy: MeanOfSamples {
    /// Creates the metric.
    /// - Parameters:
    ///   - name: The name in logs; `"accuracy"` by default.
    ///   - threshold: Predictions above it count as 1; 0.5 by default.
    public init(name: String = "accuracy", threshold: Double = 0.5) {
        super.init(name: name) { truth, prediction in
            let count = min(truth.count, prediction.count)
            guard count > 0 else { return 0 }
            var matches = 0.0
            let limit = Float(threshold)
            for index in 0..<count where (Float(prediction[index]) > limit ? 1.0 : 0.0) == truth[index] {
                matches += 1
            }
            return matches / Double(count)
        }
    }
}

/// The share of samples whose highest prediction is at the one-hot label's position (Keras's
/// `CategoricalAccuracy`; ties go to the first highest).
public final class CategoricalAccuracy: MeanOfSamples {
    /// Creates the metric.
    /// - Parameter name: The name in logs; `"accuracy"` by default.
    public init(name: String = "accuracy") {
        super.init(name: name) { truth, prediction in
            firstArgmax(truth) == firstArgmax(prediction) ? 1 : 0
        }
    }
}

/// The share of samples whose highest prediction is at the label's class (Keras's
/// `SparseCategoricalAccuracy`): `yTrue` rows hold the class index. A label that is not a class index (NaN,
/// infinite, fractional, out of range) matches no prediction: a miss that still counts, as in Keras.
public final class SparseCategoricalAccuracy: MeanOfSamples {
    /// Creates the metric.
    /// - Parameter name: The name in logs; `"accuracy"` by default.
    public init(name: String = "accuracy") {
        super.init(name: name) { truth, prediction in
            guard let label = truth.first, !prediction.isEmpty else { return 0 }
            return Double(firstArgmax(prediction)) == label ? 1 : 0
        }
    }
}
