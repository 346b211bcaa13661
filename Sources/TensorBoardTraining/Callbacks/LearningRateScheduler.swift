// LearningRateScheduler.swift: sets the learning rate at the start of each epoch from a schedule.

import Foundation
import TensorBoardMonitoring

/// Sets the learning rate at the start of every epoch to `schedule(epoch, currentRate)`, as Keras's
/// `LearningRateScheduler` does, and puts the rate the epoch trained with in its logs as `learning_rate`
/// (added in ``epochWillEnd(_:logs:context:)``, so every callback and the TensorBoard logger see it).
///
/// The rate is read and set through the model's `learningRate` and `setLearningRate` hooks. A schedule that
/// returns NaN, an infinity or a negative rate leaves the rate as it is and is warned about once (Keras would
/// hand it to the optimizer). ``stepDecay(initial:factor:every:)`` and ``cosineDecay(initial:epochs:alpha:)``
/// are two common schedules; any closure of the epoch (from 0) and the current rate works.
public final class LearningRateScheduler: Callback {
    /// The schedule: the epoch (from 0) and the current rate give the epoch's rate.
    public let schedule: (_ epoch: Int, _ currentRate: Double) -> Double

    /// Creates the callback.
    /// - Parameter schedule: The epoch (from 0) and the current rate give the epoch's rate.
    public init(_ schedule: @escaping (_ epoch: Int, _ currentRate: Double) -> Double) {
        self.schedule = schedule
    }

    /// Checks that the model's learning-rate hooks are there.
    public func trainingWillBegin(context: TrainingContext) {
        if context.model.learningRate == nil || context.model.setLearningRate == nil {
            context.warnOnce(
                "LearningRateScheduler needs the model's learningRate and setLearningRate hooks; the learning rate "
                    + "will not change"
            )
        }
    }

    /// Sets the epoch's rate.
    public func epochWillBegin(_ epoch: Int, context: TrainingContext) {
        guard let current = context.model.learningRate?(), let set = context.model.setLearningRate else { return }
        let rate = schedule(epoch, current)
        guard rate.isFinite, rate >= 0 else {
            // Once per kind of value, not per epoch: a schedule that gives NaN usually gives it every epoch.
            context.warnOnce(
                "LearningRateScheduler: the schedule gave \(rate), not a rate; the learning rate is left as it is"
            )
            return
        }
        set(rate)
    }

    /// Adds `learning_rate` (the rate this epoch trained with) to the epoch's logs, as Keras 3 does.
    public func epochWillEnd(_ epoch: Int, logs: inout TrainingLogs, context: TrainingContext) {
        if let rate = context.learningRate { logs["learning_rate"] = rate }
    }

    /// `initial × factor^⌊epoch / every⌋`: the rate falls by `factor` every `every` epochs.
    /// - Throws: `ConfigurationError` when `initial` is negative or not finite, `factor` is not in (0, 1], or
    ///   `every` is below 1.
    public static func stepDecay(
        initial: Double,
        factor: Double,
        every: Int
    ) throws(ConfigurationError) -> (Int, Double) -> Double {
        try check(initial: initial)
        guard factor > 0, factor <= 1 else {
            throw ConfigurationError(
                type: "LearningRateScheduler",
                parameter: "factor",
                received: "\(factor)",
                allowed: "in (0, 1]"
            )
        }
        guard every >= 1 else {
            throw ConfigurationError(
                type: "LearningRateScheduler",
                parameter: "every",
                received: "\(every)",
                allowed: "1 or more"
            )
        }
        return { epoch, _ in initial * pow(factor, Double(max(epoch, 0) / every)) }
    }

    /// Keras's `CosineDecay` by epoch: `initial × ((1 − alpha) × ½(1 + cos(π · min(epoch, epochs) / epochs)) +
    /// alpha)`, from `initial` at epoch 0 down to `alpha × initial` at `epochs` and after.
    /// - Throws: `ConfigurationError` when `initial` is negative or not finite, `epochs` is below 1, or `alpha`
    ///   is not in [0, 1].
    public static func cosineDecay(
        initial: Double,
        epochs: Int,
        alpha: Double = 0
    ) throws(ConfigurationError) -> (Int, Double) -> Double {
        try check(initial: initial)
        guard epochs >= 1 else {
            throw ConfigurationError(
                type: "LearningRateScheduler",
                parameter: "epochs",
                received: "\(epochs)",
                allowed: "1 or more"
            )
        }
        guard (0...1).contains(alpha) else {
            throw ConfigurationError(
                type: "LearningRateScheduler",
                parameter: "alpha",
                received: "\(alpha)",
                allowed: "in [0, 1]"
            )
        }
        return { epoch, _ in
            let completed = Double(min(max(epoch, 0), epochs)) / Double(epochs)
            let cosine = 0.5 * (1 + cos(Double.pi * completed))
            return initial * ((1 - alpha) * cosine + alpha)
        }
    }

    private static func check(initial: Double) throws(ConfigurationError) {
        guard initial.isFinite, initial >= 0 else {
            throw ConfigurationError(
                type: "LearningRateScheduler",
                parameter: "initial",
                received: "\(initial)",
                allowed: "finite, 0 or more"
            )
        }
    }
}
