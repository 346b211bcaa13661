// EarlyStopping.swift: stops training when the monitored metric stops improving.

import TensorBoardEvents

/// Stops training when a monitored metric has stopped improving, as Keras's `EarlyStopping` does, and can put
/// back the weights of the best epoch.
///
/// The decision is ``EarlyStoppingRule`` (Keras's, epoch for epoch). Two things differ from Keras, on purpose:
/// NaN never counts as an improvement, and with `restoreBestWeights` the best weights are restored whenever
/// training ends (whether this callback, another one, or the last epoch ended it). The rule's ``state`` can be
/// saved and given back to a new instance, so that a resumed run continues where it stopped.
public final class EarlyStopping: Callback {
    /// The monitored logs key, such as `"val_loss"`.
    public let monitor: String
    /// Whether to restore the best epoch's weights when training ends.
    public let restoresBestWeights: Bool
    private var rule: EarlyStoppingRule
    private let initialState: EarlyStoppingState
    private var bestWeights: Any?

    /// Creates the callback.
    /// - Parameters:
    ///   - monitor: The logs key to watch; `"val_loss"` by default.
    ///   - minDelta: The smallest change that counts as an improvement; 0 by default.
    ///   - patience: Epochs without improvement before stopping; 0 by default.
    ///   - mode: `.auto` (the default) infers the direction from the name.
    ///   - baseline: A value the metric must beat for the patience count to reset; none by default.
    ///   - restoreBestWeights: Whether to restore the best epoch's weights when training ends (needs the
    ///     model's `captureWeights` and `restoreWeights` hooks); `false` by default.
    ///   - startFromEpoch: Epochs to ignore at the start (warm-up); 0 by default.
    ///   - state: A saved ``state`` to continue from (for a resumed run).
    /// - Throws: ``ImprovementRule/Error`` when `mode` is `.auto` and the name gives no direction.
    public init(
        monitor: String = "val_loss",
        minDelta: Double = 0,
        patience: Int = 0,
        mode: ImprovementRule.Mode = .auto,
        baseline: Double? = nil,
        restoreBestWeights: Bool = false,
        startFromEpoch: Int = 0,
        state: EarlyStoppingState = EarlyStoppingState()
    ) throws(ImprovementRule.Error) {
        self.monitor = monitor
        self.restoresBestWeights = restoreBestWeights
        let improvement = try ImprovementRule(monitor: monitor, mode: mode, minDelta: minDelta)
        self.rule = EarlyStoppingRule(
            rule: improvement,
            patience: patience,
            baseline: baseline,
            startFromEpoch: startFromEpoch,
            state: state
        )
        self.initialState = state
    }

    /// What the rule remembers (best value and epoch, wait count); save it to continue a resumed run.
    public var state: EarlyStoppingState { rule.state }

    /// The epoch of the best value so far.
    public var bestEpoch: Int? { rule.state.bestEpoch }

    /// The epoch after which this callback stopped training, if it did.
    public var stoppedEpoch: Int? { rule.state.stoppedEpoch }

    public func trainingWillBegin(context: TrainingContext) {
        rule.state = initialState
        bestWeights = nil
        if restoresBestWeights && (context.model.captureWeights == nil || context.model.restoreWeights == nil) {
            context.warnOnce(
                "EarlyStopping(restoreBestWeights: true) needs the model's captureWeights and restoreWeights hooks; weights will not be restored"
            )
        }
    }

    public func epochDidEnd(_ epoch: Int, logs: TrainingLogs, context: TrainingContext) {
        let value = logs[monitor]
        if value == nil {
            context.warnOnce(
                "EarlyStopping monitors '\(monitor)', which is not in the logs. Available: \(logs.orderedMetricNames.joined(separator: ", "))"
            )
        }
        if restoresBestWeights, bestWeights == nil, value != nil, epoch >= rule.startFromEpoch {
            bestWeights = context.model.captureWeights?()
            if rule.state.bestEpoch == nil { rule.state.bestEpoch = epoch }
        }
        switch rule.observe(value, epoch: epoch) {
        case .improved:
            if restoresBestWeights { bestWeights = context.model.captureWeights?() }
        case .stop:
            context.requestStop(
                reason:
                    "early stopping: '\(monitor)' did not improve for \(rule.patience) epochs after epoch \(rule.state.bestEpoch.map { $0 + 1 } ?? 0)"
            )
        case .waited, .ignored:
            break
        }
    }

    public func trainingDidEnd(logs: TrainingLogs, context: TrainingContext) {
        guard restoresBestWeights, let bestWeights else { return }
        context.model.restoreWeights?(bestWeights)
    }
}
