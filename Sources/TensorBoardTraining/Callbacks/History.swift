// History.swift: every epoch's logs.

import TensorBoardEvents

/// Keeps the logs of every epoch, as Keras's `History` does.
///
/// `Sendable`: what `fit` returns can be handed to another task or actor; the logs sit behind a lock, so reading
/// them while training goes on elsewhere sees whole epochs.
public final class History: Callback, Sendable {
    private struct State {
        var epochs: [Int] = []
        var logs: [TrainingLogs] = []
    }

    private let state = LockedValue(State())

    /// The epochs seen, in order.
    public var epochs: [Int] { state.withLock { $0.epochs } }
    /// Each epoch's logs, in the same order.
    public var logs: [TrainingLogs] { state.withLock { $0.logs } }

    /// Creates an empty history.
    public init() {}

    /// Forgets the logs of any earlier training.
    public func trainingWillBegin(context: TrainingContext) {
        state.withLock { $0 = State() }
    }

    /// Keeps the epoch's logs.
    public func epochDidEnd(_ epoch: Int, logs: TrainingLogs, context: TrainingContext) {
        state.withLock { state in
            state.epochs.append(epoch)
            state.logs.append(logs)
        }
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
