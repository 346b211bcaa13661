// EarlyStopping.swift: stops training when the monitored metric stops improving.

import TensorBoardEvents

/// Stops training when a monitored metric has stopped improving, as Keras's `EarlyStopping` does, and can put
/// back the weights of the best epoch.
///
/// The decision is `EarlyStoppingRule` (Keras's, epoch for epoch), with one difference on purpose: NaN never
/// counts as an improvement (in Keras a NaN first value becomes a best that nothing beats). With
/// `restoreBestWeights`, the best epoch's weights are restored when training ends, whether this callback,
/// another one or the last epoch ended it, as Keras 3 does; ``Trainer`` also ends training this way when a step
/// throws, where Keras's `fit` skips `on_train_end` and leaves the last weights.
///
/// With `smoothing`, the rule judges TensorBoard's smoothed curve instead of the raw values: each epoch's value
/// goes through the `StreamingSmoother` first (every epoch's, warm-up included, as TensorBoard's chart
/// smooths the whole series), so that a single noisy epoch weighs less in the decision; the best value in
/// ``state`` is then a smoothed one.
///
/// To continue a resumed run, give a new instance the interrupted run's ``state`` (and ``smoother``) and, to
/// restore the best
/// weights, the weights of its best epoch (`bestWeights`, for example loaded from the best checkpoint). Weights
/// are only restored when they are the best epoch's own: after a resume without them, the best epoch's weights
/// are restored only if a later epoch improves (its weights are then captured); otherwise nothing is restored
/// and a warning says so.
///
/// What is not silent: a `monitor` absent from the first logs that could hold it (see ``TrainingError``) is
/// reported with ``TrainingContext/fail(_:)``, naming the nearest logged key, and ``Trainer`` throws it after
/// that epoch (Keras warns and goes on without stopping). With `restoreBestWeights`, missing weight hooks,
/// a captured class instance (not a snapshot: see ``ModelHooks``) and given `bestWeights` of another type than
/// the hooks' are reported the same way, so training never ends claiming the best weights are back when they
/// are not.
public final class EarlyStopping: Callback {
    /// The monitored logs key, such as `"val_loss"`.
    public let monitor: String
    /// Whether to restore the best epoch's weights when training ends.
    public let restoresBestWeights: Bool
    private var rule: EarlyStoppingRule
    /// What `trainingWillBegin` starts from: the initialiser's state, or a resumed one.
    var initialState: EarlyStoppingState
    /// The weights of ``initialState``'s best epoch, when given.
    var initialBestWeights: Any?
    /// The weights captured at ``bestWeightsEpoch`` (or given to resume), if any.
    public private(set) var bestWeights: Any?
    /// The epoch whose weights ``bestWeights`` are.
    public private(set) var bestWeightsEpoch: Int?
    /// The epoch whose weights were restored when training ended, if any were.
    public private(set) var restoredEpoch: Int?
    private var monitored: MonitoredKey
    /// The smoother `trainingWillBegin` starts from.
    var initialSmoother: StreamingSmoother?
    /// Where the smoothing of the monitored series stands (`nil` without smoothing); give it back to resume.
    public private(set) var smoother: StreamingSmoother?

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
    ///   - smoothing: Judge the monitored value smoothed as TensorBoard smooths it, for example
    ///     `StreamingSmoother()` (weight 0.6), or a resumed run's ``smoother``; `nil` (the default) judges the raw
    ///     values, as Keras does.
    ///   - state: A saved ``state`` to continue from (for a resumed run).
    ///   - bestWeights: The weights of `state`'s best epoch, to restore them after a resume; none by default.
    /// - Throws: `ConfigurationError` when `mode` is `.auto` and the name gives no direction, or when `patience`
    ///   or `startFromEpoch` is negative.
    public init(
        monitor: String = "val_loss",
        minDelta: Double = 0,
        patience: Int = 0,
        mode: ImprovementRule.Mode = .auto,
        baseline: Double? = nil,
        restoreBestWeights: Bool = false,
        startFromEpoch: Int = 0,
        smoothing: StreamingSmoother? = nil,
        state: EarlyStoppingState = EarlyStoppingState(),
        bestWeights: Any? = nil
    ) throws(ConfigurationError) {
        self.monitor = monitor
        self.monitored = MonitoredKey(monitor, of: "EarlyStopping")
        self.restoresBestWeights = restoreBestWeights
        let improvement = try ImprovementRule(monitor: monitor, mode: mode, minDelta: minDelta)
        self.rule = try EarlyStoppingRule(
            rule: improvement,
            patience: patience,
            baseline: baseline,
            startFromEpoch: startFromEpoch,
            state: state
        )
        self.initialState = state
        self.initialSmoother = smoothing
        self.smoother = smoothing
        self.initialBestWeights = state.bestEpoch == nil ? nil : bestWeights
    }

    /// What the rule remembers (best value and epoch, wait count); save it to continue a resumed run.
    public var state: EarlyStoppingState { rule.state }

    /// The epoch of the best value so far.
    public var bestEpoch: Int? { rule.state.bestEpoch }

    /// The epoch after which this callback stopped training, if it did.
    public var stoppedEpoch: Int? { rule.state.stoppedEpoch }

    /// Starts from the initial (or resumed) state and checks the model's weight hooks.
    public func trainingWillBegin(context: TrainingContext) {
        rule.state = initialState
        bestWeights = initialBestWeights
        bestWeightsEpoch = initialBestWeights == nil ? nil : initialState.bestEpoch
        restoredEpoch = nil
        smoother = initialSmoother
        monitored.reset()
        if restoresBestWeights && context.model.weights == nil {
            context.fail(
                .weightsNotRestorable(
                    "EarlyStopping(restoreBestWeights: true) needs the model's captureWeights and restoreWeights "
                        + "hooks, and the model has none: the best weights could not be restored"
                )
            )
        }
    }

    /// Takes the epoch's monitored value: captures the weights of a new best, asks to stop after `patience`.
    public func epochDidEnd(_ epoch: Int, logs: TrainingLogs, context: TrainingContext) {
        let value = logs[monitor]
        if value == nil && !monitored.check(logs, context: context) {
            context.warnOnce(
                "EarlyStopping monitors '\(monitor)', which is not in the logs. Available: "
                    + logs.orderedMetricNames.joined(separator: ", ")
            )
        }
        switch rule.observe(value.map { smoother.smooth($0) }, epoch: epoch) {
        case .improved:
            if restoresBestWeights, let hooks = context.model.weights {
                capture(hooks, epoch: epoch, context: context)
            }
        case .stop:
            let after = rule.state.bestEpoch.map { " after epoch \(oneBased($0))" } ?? ""
            context.requestStop(
                reason: "early stopping: '\(monitor)' did not improve for \(rule.patience) epochs\(after)"
            )
        case .waited, .ignored:
            break
        }
    }

    /// Restores the best epoch's weights, when they were captured (or given) for that epoch.
    public func trainingDidEnd(logs: TrainingLogs, context: TrainingContext) {
        // Without the hooks, trainingWillBegin has reported it already.
        guard restoresBestWeights, let bestEpoch = rule.state.bestEpoch, let hooks = context.model.weights else {
            return
        }
        guard let bestWeights, bestWeightsEpoch == bestEpoch else {
            context.warn(
                "EarlyStopping cannot restore the weights of the best epoch (\(oneBased(bestEpoch))): it came before the "
                    + "resume and its weights were not given (bestWeights:); the last weights are kept"
            )
            return
        }
        guard hooks.restore(bestWeights) else {
            context.fail(
                .weightsNotRestorable(
                    "EarlyStopping cannot restore the weights of the best epoch (\(oneBased(bestEpoch))): they are a "
                        + "\(type(of: bestWeights)), and the model's restoreWeights takes a \(hooks.typeName). "
                        + "Received: bestWeights of type \(type(of: bestWeights))"
                )
            )
            return
        }
        restoredEpoch = bestEpoch
    }

    /// Keeps the epoch's weights as the best, unless the capture is a class instance that training will change.
    private func capture(_ hooks: WeightHooks, epoch: Int, context: TrainingContext) {
        let weights = hooks.capture()
        guard !WeightHooks.isReference(weights) else {
            context.fail(
                .weightsNotRestorable(
                    "EarlyStopping(restoreBestWeights: true): captureWeights returned an instance of the class "
                        + "\(type(of: weights)), which later training changes in place, so restoring it would keep the "
                        + "last weights; return a copy of the weights (an array or a struct) instead"
                )
            )
            return
        }
        bestWeights = weights
        bestWeightsEpoch = epoch
    }
}
