// TrainingLogs.swift: the metric values a training loop reports to its callbacks.

/// Metric name to value, as Keras passes `logs` to callbacks: training metrics by name (`loss`,
/// `accuracy`), validation metrics with the `val_` prefix (`val_loss`).
public typealias TrainingLogs = [String: Double]
