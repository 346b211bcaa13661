// TrainingLogs.swift: the metric values a training loop reports to its callbacks.

/// Metric name to value, as Keras passes `logs` to callbacks: training metrics by name (`loss`, `accuracy`),
/// validation metrics with the `val_` prefix (`val_loss`, `val_accuracy`).
public typealias TrainingLogs = [String: Double]

extension Dictionary where Key == String, Value == Double {
    /// The keys in the order Keras shows them: `loss` first, the other training metrics by name, then the
    /// validation metrics (`val_loss` first) by name, then anything else such as `learning_rate`.
    public var orderedMetricNames: [String] {
        func rank(_ name: String) -> (Int, Int, String) {
            let isValidation = name.hasPrefix("val_")
            let base = isValidation ? String(name.dropFirst(4)) : name
            let group = name == "learning_rate" ? 2 : (isValidation ? 1 : 0)
            return (group, base == "loss" ? 0 : 1, base)
        }
        return keys.sorted { rank($0) < rank($1) }
    }
}
