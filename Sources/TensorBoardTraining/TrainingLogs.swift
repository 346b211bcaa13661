// TrainingLogs.swift: the metric values a training loop reports to its callbacks.

/// Metric name to value, as Keras passes `logs` to callbacks: training metrics by name (`loss`, `accuracy`),
/// validation metrics with the `val_` prefix (`val_loss`, `val_accuracy`).
public typealias TrainingLogs = [String: Double]

extension Dictionary where Key == String, Value == Double {
    /// The keys in the order Keras 3's progress bar prints them: the training metrics by name (sorted as Python
    /// sorts strings, by code point, so `accuracy` comes before `loss`), then the validation metrics by name, then
    /// `learning_rate` (which Keras's `ReduceLROnPlateau` adds to the logs after they were sorted).
    public var orderedMetricNames: [String] {
        func group(_ name: String) -> Int { name == "learning_rate" ? 2 : (name.hasPrefix("val_") ? 1 : 0) }
        return keys.sorted { first, second in
            let (a, b) = (group(first), group(second))
            return a != b ? a < b : first.utf8.lexicographicallyPrecedes(second.utf8)
        }
    }
}
