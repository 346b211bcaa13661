// EarlyStoppingRule.swift: when to stop training, as Keras's EarlyStopping decides it.

/// Keras's early-stopping decision, epoch by epoch, as a value: stop when the monitored quantity has not
/// improved (by ``ImprovementRule``) for `patience` epochs.
///
/// Per epoch, as Keras does: epochs before `startFromEpoch` and epochs without a value are ignored; otherwise
/// the wait count grows by one, an improvement records the new best and resets the wait (when there is a
/// baseline, only if the value also beats the baseline), and with no improvement the rule asks to stop once
/// the wait reaches `patience` (never at epoch 0). Unlike Keras, NaN is never an improvement, so a NaN first
/// value does not become a best that nothing can beat.
public struct EarlyStoppingRule: Sendable, Equatable {
    /// What an epoch's value meant.
    public enum Decision: Sendable, Equatable {
        /// The epoch was ignored (no value, or before `startFromEpoch`).
        case ignored
        /// A new best.
        case improved
        /// No improvement, keep training.
        case waited
        /// No improvement for `patience` epochs: stop.
        case stop
    }

    /// The improvement rule.
    public let rule: ImprovementRule
    /// Epochs without improvement before stopping.
    public let patience: Int
    /// A value the monitored quantity must beat for the wait to reset.
    public let baseline: Double?
    /// The first epoch that counts.
    public let startFromEpoch: Int
    /// What the rule remembers.
    public var state: EarlyStoppingState

    /// Creates a rule.
    /// - Parameters:
    ///   - rule: The improvement rule.
    ///   - patience: Epochs without improvement before stopping; 0 by default.
    ///   - baseline: A value to beat; none by default.
    ///   - startFromEpoch: The first epoch that counts; 0 by default.
    ///   - state: A saved state to continue from.
    /// - Throws: ``ConfigurationError`` when `patience` or `startFromEpoch` is negative (a wait count never is).
    public init(
        rule: ImprovementRule,
        patience: Int = 0,
        baseline: Double? = nil,
        startFromEpoch: Int = 0,
        state: EarlyStoppingState = EarlyStoppingState()
    ) throws(ConfigurationError) {
        try ConfigurationError.require(patience, atLeast: 0, "patience", in: "EarlyStopping")
        try ConfigurationError.require(startFromEpoch, atLeast: 0, "startFromEpoch", in: "EarlyStopping")
        self.rule = rule
        self.patience = patience
        self.baseline = baseline
        self.startFromEpoch = startFromEpoch
        self.state = state
    }

    /// Takes an epoch's value into account.
    /// - Parameters:
    ///   - value: The monitored value, or `nil` when the epoch's logs lack it.
    ///   - epoch: The epoch, from 0.
    /// - Returns: What the value meant.
    public mutating func observe(_ value: Double?, epoch: Int) -> Decision {
        guard let value, epoch >= startFromEpoch else { return .ignored }
        state.wait += 1
        if rule.isImprovement(value, over: state.best) {
            state.best = value
            state.bestEpoch = epoch
            if baseline == nil || rule.isImprovement(value, over: baseline) {
                state.wait = 0
            }
            return .improved
        }
        if state.wait >= patience && epoch > 0 {
            state.stoppedEpoch = epoch
            return .stop
        }
        return .waited
    }
}
