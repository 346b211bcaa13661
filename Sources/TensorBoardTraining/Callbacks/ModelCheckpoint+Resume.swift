// ModelCheckpoint+Resume.swift: ModelCheckpoint's state in a backup.

import TensorBoardEvents

extension ModelCheckpoint: ResumableCallback {
    /// What a backup keeps of a ``ModelCheckpoint``.
    public struct ResumeState: Codable, Sendable, Equatable {
        /// The best monitored value so far.
        public var best: Double?
        /// The smoothing of the monitored series, when there is one.
        public var smoother: StreamingSmoother?

        /// Creates a state.
        /// - Parameters:
        ///   - best: The best value so far.
        ///   - smoother: The smoother, if any.
        public init(best: Double? = nil, smoother: StreamingSmoother? = nil) {
            self.best = best
            self.smoother = smoother
        }
    }

    /// The best value and the smoother.
    public func resumeState(context: TrainingContext) throws(TrainingError) -> ResumeState {
        ResumeState(best: best, smoother: smoother)
    }

    /// Starts the next `trainingWillBegin` from `state`, so that only what beats its best is saved.
    public func resume(from state: ResumeState, context: TrainingContext) throws(TrainingError) {
        initialBest = state.best
        initialSmoother = state.smoother
    }
}
