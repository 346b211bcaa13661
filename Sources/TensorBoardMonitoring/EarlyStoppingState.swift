// EarlyStoppingState.swift: what early stopping remembers between epochs.

/// What an early-stopping rule remembers between epochs; save it to continue a resumed run where it stopped.
public struct EarlyStoppingState: Sendable, Equatable, Codable {
    /// The best value seen (`nil` before the first number).
    public var best: Double?
    /// The epoch of the best value.
    public var bestEpoch: Int?
    /// Epochs since the last improvement (or since the last improvement on the baseline).
    public var wait: Int
    /// The epoch after which the rule asked to stop, if it did.
    public var stoppedEpoch: Int?

    /// A fresh state.
    public init(best: Double? = nil, bestEpoch: Int? = nil, wait: Int = 0, stoppedEpoch: Int? = nil) {
        self.best = best
        self.bestEpoch = bestEpoch
        self.wait = wait
        self.stoppedEpoch = stoppedEpoch
    }
}
