// TensorBoardLogger+Resume.swift: TensorBoardLogger's state in a backup.

extension TensorBoardLogger: ResumableCallback {
    /// What a backup keeps of a ``TensorBoardLogger``: the best value of each monitored key (`best_<key>`).
    public struct ResumeState: Codable, Sendable, Equatable {
        /// The best values by logs key.
        public var best: [String: Double]

        /// Creates a state.
        /// - Parameter best: The best values by logs key.
        public init(best: [String: Double] = [:]) {
            self.best = best
        }
    }

    /// The best values so far.
    public func resumeState(context: TrainingContext) throws(TrainingError) -> ResumeState {
        ResumeState(best: best)
    }

    /// Makes the next `trainingWillBegin` start from `state`'s best values and open every run resuming by tag
    /// (`SummaryWriter.Options.resumesByTag`): TensorBoard's loaders, Rust and Python, then drop each tag's
    /// points that the interrupted attempt wrote at or after the step the resumed run writes it at again, on
    /// both step axes (epochs, global batch steps) at once.
    public func resume(from state: ResumeState, context: TrainingContext) throws(TrainingError) {
        resumedBest = state.best
    }
}
