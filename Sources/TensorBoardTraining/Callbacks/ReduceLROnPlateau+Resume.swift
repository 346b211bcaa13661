// ReduceLROnPlateau+Resume.swift: ReduceLROnPlateau's state in a backup.

import TensorBoardEvents

extension ReduceLROnPlateau: ResumableCallback {
    /// What a backup keeps of a ``ReduceLROnPlateau``.
    public struct ResumeState: Codable, Sendable, Equatable {
        /// The best monitored value so far.
        public var best: Double?
        /// Epochs without improvement.
        public var wait: Int
        /// Epochs of cooldown left.
        public var cooldownCounter: Int
        /// The smoothing of the monitored series, when there is one.
        public var smoother: StreamingSmoother?
        /// The learning rate the next epoch trains with, when the model's hooks read it.
        public var learningRate: Double?

        /// Creates a state.
        /// - Parameters:
        ///   - best: The best value so far.
        ///   - wait: Epochs without improvement.
        ///   - cooldownCounter: Epochs of cooldown left.
        ///   - smoother: The smoother, if any.
        ///   - learningRate: The learning rate, if known.
        public init(
            best: Double? = nil,
            wait: Int = 0,
            cooldownCounter: Int = 0,
            smoother: StreamingSmoother? = nil,
            learningRate: Double? = nil
        ) {
            self.best = best
            self.wait = wait
            self.cooldownCounter = cooldownCounter
            self.smoother = smoother
            self.learningRate = learningRate
        }
    }

    /// The best value, wait, cooldown, smoother and current learning rate.
    public func resumeState(context: TrainingContext) throws(TrainingError) -> ResumeState {
        ResumeState(
            best: best,
            wait: wait,
            cooldownCounter: cooldownCounter,
            smoother: smoother,
            learningRate: context.learningRate
        )
    }

    /// Starts the next `trainingWillBegin` from `state`, and sets the saved learning rate (in case the model's
    /// `save` does not keep it).
    public func resume(from state: ResumeState, context: TrainingContext) throws(TrainingError) {
        initialState = state
        if let rate = state.learningRate { context.model.setLearningRate?(rate) }
    }
}
