// ReduceLROnPlateau.swift: lowers the learning rate when the monitored metric stops improving.

import TensorBoardEvents

/// Multiplies the learning rate by `factor` when a monitored metric has not improved for `patience` epochs,
/// then waits `cooldown` epochs before counting again, never going below `minimumLearningRate` (Keras's
/// `ReduceLROnPlateau`, decision for decision; NaN never counts as an improvement).
///
/// The learning rate is read and set through the model's `learningRate` and `setLearningRate` hooks. As in
/// Keras 3, the epoch's logs get a `learning_rate` entry (the rate the epoch trained with, before any reduction),
/// added in ``epochWillEnd(_:logs:context:)`` so that every callback (``CSVLogger``, ``History``,
/// ``ProgressBar``) sees it.
///
/// With `smoothing`, plateaus are judged on TensorBoard's smoothed curve of the monitored value
/// (`StreamingSmoother`, fed every epoch's value) rather than on the raw values.
///
/// A `monitor` absent from the first logs that could hold it is reported with ``TrainingContext/fail(_:)``,
/// naming the nearest logged key, and ``Trainer`` throws it after that epoch (Keras warns and goes on).
public final class ReduceLROnPlateau: Callback {
    /// The monitored logs key.
    public let monitor: String
    /// The factor applied on a plateau (below 1).
    public let factor: Double
    /// Epochs without improvement before a reduction.
    public let patience: Int
    /// Epochs after a reduction during which the count is not kept.
    public let cooldown: Int
    /// The lowest learning rate.
    public let minimumLearningRate: Double
    private let rule: ImprovementRule
    /// The best monitored value so far.
    var best: Double?
    /// Epochs without improvement so far.
    var wait = 0
    /// Epochs of cooldown left.
    var cooldownCounter = 0
    private var monitored: MonitoredKey
    /// What `trainingWillBegin` starts from: nothing seen, or a resumed state.
    var initialState = ResumeState()
    /// Where the smoothing of the monitored series stands (`nil` without smoothing); give it back to resume.
    public private(set) var smoother: StreamingSmoother?

    /// Creates the callback.
    /// - Parameters:
    ///   - monitor: The logs key; `"val_loss"` by default.
    ///   - factor: The factor applied on a plateau; 0.1 by default. At least 0 and below 1.
    ///   - patience: Epochs without improvement before a reduction; 10 by default.
    ///   - mode: `.auto` (the default) infers the direction from the name.
    ///   - minDelta: The smallest change that counts; 1e-4 by default, as in Keras.
    ///   - cooldown: Epochs to wait after a reduction; 0 by default.
    ///   - minimumLearningRate: The lowest learning rate; 0 by default. Not negative.
    ///   - smoothing: Judge plateaus on the value smoothed as TensorBoard smooths it, for example
    ///     `StreamingSmoother()` (weight 0.6), or a resumed run's ``smoother``; `nil` (the default) judges the raw
    ///     values, as Keras does.
    /// - Throws: `ConfigurationError` when `mode` is `.auto` and the name gives no direction, when `factor` is
    ///   not in [0, 1) (1 or more would never lower the rate), when `patience` or `cooldown` is negative, or
    ///   when `minimumLearningRate` is negative or NaN.
    public init(
        monitor: String = "val_loss",
        factor: Double = 0.1,
        patience: Int = 10,
        mode: ImprovementRule.Mode = .auto,
        minDelta: Double = 1e-4,
        cooldown: Int = 0,
        minimumLearningRate: Double = 0,
        smoothing: StreamingSmoother? = nil
    ) throws(ConfigurationError) {
        guard factor >= 0, factor < 1 else {
            throw ConfigurationError(
                type: "ReduceLROnPlateau",
                parameter: "factor",
                received: "\(factor)",
                allowed: "be at least 0 and below 1"
            )
        }
        try ConfigurationError.require(patience, atLeast: 0, "patience", in: "ReduceLROnPlateau")
        try ConfigurationError.require(cooldown, atLeast: 0, "cooldown", in: "ReduceLROnPlateau")
        guard minimumLearningRate >= 0 else {
            throw ConfigurationError(
                type: "ReduceLROnPlateau",
                parameter: "minimumLearningRate",
                received: "\(minimumLearningRate)",
                allowed: "be a number of at least 0"
            )
        }
        self.monitor = monitor
        self.monitored = MonitoredKey(monitor, of: "ReduceLROnPlateau")
        self.factor = factor
        self.patience = patience
        self.cooldown = cooldown
        self.minimumLearningRate = minimumLearningRate
        self.rule = try ImprovementRule(monitor: monitor, mode: mode, minDelta: minDelta)
        self.initialState.smoother = smoothing
        self.smoother = smoothing
    }

    /// Starts from the initial (or resumed) best value, wait and cooldown, and checks the model's learning-rate
    /// hooks.
    public func trainingWillBegin(context: TrainingContext) {
        best = initialState.best
        wait = initialState.wait
        cooldownCounter = initialState.cooldownCounter
        smoother = initialState.smoother
        monitored.reset()
        if context.model.learningRate == nil || context.model.setLearningRate == nil {
            context.warnOnce(
                "ReduceLROnPlateau needs the model's learningRate and setLearningRate hooks; the learning rate "
                    + "will not change"
            )
        }
    }

    /// Adds `learning_rate` (the rate this epoch trained with) to the epoch's logs, as Keras 3 does.
    public func epochWillEnd(_ epoch: Int, logs: inout TrainingLogs, context: TrainingContext) {
        if let rate = context.learningRate { logs["learning_rate"] = rate }
    }

    /// Counts an epoch without improvement, and lowers the learning rate after `patience` of them.
    public func epochDidEnd(_ epoch: Int, logs: TrainingLogs, context: TrainingContext) {
        guard let current = logs[monitor].map({ smoother.smooth($0) }) else {
            if monitored.check(logs, context: context) { return }
            context.warnOnce(
                "ReduceLROnPlateau monitors '\(monitor)', which is not in the logs. Available: "
                    + logs.orderedMetricNames.joined(separator: ", ")
            )
            return
        }
        if cooldownCounter > 0 {
            cooldownCounter -= 1
            wait = 0
        }
        if rule.isImprovement(current, over: best) {
            best = current
            wait = 0
        } else if cooldownCounter == 0 {
            wait += 1
            if wait >= patience, reduceLearningRate(context) {
                cooldownCounter = cooldown
                wait = 0
            }
        }
    }

    /// Lowers the learning rate unless it is already at the minimum; returns whether it did.
    private func reduceLearningRate(_ context: TrainingContext) -> Bool {
        guard let old = context.model.learningRate?(), let set = context.model.setLearningRate else { return false }
        // As Keras: compare with the minimum as a 32-bit float, the optimizer's precision.
        guard old > Double(Float(minimumLearningRate)) else { return false }
        set(max(old * factor, minimumLearningRate))
        return true
    }
}
