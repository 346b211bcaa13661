// RegressionErrors.swift: mean absolute and squared error, and categorical cross-entropy.

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The mean absolute error, averaged over each sample's outputs, then over samples (Keras's
/// `MeanAbsoluteError`).
public final class MeanAbsoluteError: MeanOfSamples {
    /// Creates the metric.
    /// - Parameter name: The name in logs; `"mean_absolute_error"` by default.
    public init(name: String = "mean_absolute_error") {
        super.init(name: name) { truth, prediction in
            let count = min(truth.count, prediction.count)
            guard count > 0 else { return 0 }
            return (0..<count).reduce(0.0) { $0 + abs(truth[$1] - prediction[$1]) } / Double(count)
        }
    }
}

/// The mean squared error, averaged over each sample's outputs, then over samples (Keras's
/// `MeanSquaredError`).
public final class MeanSquaredError: MeanOfSamples {
    /// Creates the metric.
    /// - Parameter name: The name in logs; `"mean_squared_error"` by default.
    public init(name: String = "mean_squared_error") {
        super.init(name: name) { truth, prediction in
            let count = min(truth.count, prediction.count)
            guard count > 0 else { return 0 }
            return (0..<count).reduce(0.0) { $0 + (truth[$1] - prediction[$1]) * (truth[$1] - prediction[$1]) }
                / Double(count)
        }
    }
}

/// Categorical cross-entropy of one-hot labels and probability rows (Keras's `CategoricalCrossentropy`
/// metric): each row is scaled to sum to 1, clipped to `[1e-7, 1 − 1e-7]`, and `−Σ yTrue · log(p)` averaged
/// over samples.
public final class CategoricalCrossentropy: MeanOfSamples {
    /// Creates the metric.
    /// - Parameter name: The name in logs; `"categorical_crossentropy"` by default.
    public init(name: String = "categorical_crossentropy") {
        super.init(name: name) { truth, prediction in
            CategoricalCrossentropy.loss(truth: truth, probabilities: prediction)
        }
    }

    /// The cross-entropy of one sample.
    public static func loss(truth: [Double], probabilities: [Double]) -> Double {
        let epsilon = 1e-7
        let total = probabilities.reduce(0, +)
        var sum = 0.0
        for index in 0..<min(truth.count, probabilities.count) where truth[index] != 0 {
            let scaled = total > 0 ? probabilities[index] / total : probabilities[index]
            sum -= truth[index] * log(min(max(scaled, epsilon), 1 - epsilon))
        }
        return sum
    }
}
