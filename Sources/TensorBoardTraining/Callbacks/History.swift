// History.swift: every epoch's logs.

/// Keeps the logs of every epoch, as Keras's `History` does.
public final class History: Callback {
    /// The epochs seen, in order.
    public private(set) var epochs: [Int] = []
    /// Each epoch's logs, in the same order.
    public private(set) var logs: [TrainingLogs] = []

    /// Creates an empty history.
    public init() {}

    /// Forgets the logs of any earlier training.
    public func trainingWillBegin(context: TrainingContext) {
        epochs = []
        logs = []
    }

    /// Keeps the epoch's logs.
    public func epochDidEnd(_ epoch: Int, logs: TrainingLogs, context: TrainingContext) {
        epochs.append(epoch)
        self.logs.append(logs)
    }

    /// One metric's value per epoch (`nil` where an epoch lacks it).
    public func values(of metric: String) -> [Double?] {
        logs.map { $0[metric] }
    }

    /// Every metric name that appears in any epoch, in Keras's order.
    public var metricNames: [String] {
        var union: TrainingLogs = [:]
        for epochLogs in logs { union.merge(epochLogs) { first, _ in first } }
        return union.orderedMetricNames
    }
}
