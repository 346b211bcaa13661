// EarlyStopping+Resume.swift: EarlyStopping's state in a backup.

import Foundation
import TensorBoardEvents

extension EarlyStopping: ResumableCallback {
    /// What a backup keeps of an ``EarlyStopping``.
    public struct ResumeState: Codable, Sendable, Equatable {
        /// The rule's best value and epoch, wait count and stop epoch.
        public var rule: EarlyStoppingState
        /// The smoothing of the monitored series, when there is one.
        public var smoother: StreamingSmoother?
        /// The best epoch's weights as JSON, when they were captured and the model's weights are `Codable`.
        public var bestWeights: Data?

        /// Creates a state.
        /// - Parameters:
        ///   - rule: The rule's state.
        ///   - smoother: The smoother, if any.
        ///   - bestWeights: The best epoch's weights as JSON, if kept.
        public init(rule: EarlyStoppingState, smoother: StreamingSmoother? = nil, bestWeights: Data? = nil) {
            self.rule = rule
            self.smoother = smoother
            self.bestWeights = bestWeights
        }
    }

    /// The rule's state and smoother, and, with `restoreBestWeights`, the best epoch's weights when the model's
    /// weights are `Codable` (without them, a resumed run warns at the end that it cannot restore them).
    public func resumeState(context: TrainingContext) throws(TrainingError) -> ResumeState {
        var weights: Data?
        if restoresBestWeights, let bestWeights, bestWeightsEpoch == state.bestEpoch {
            weights = context.model.weights?.encode?(bestWeights)
        }
        return ResumeState(rule: state, smoother: smoother, bestWeights: weights)
    }

    /// Starts the next `trainingWillBegin` from `state`, its best weights decoded through the model's hooks.
    public func resume(from state: ResumeState, context: TrainingContext) throws(TrainingError) {
        var weights: Any?
        if let data = state.bestWeights {
            guard let decode = context.model.weights?.decode, let decoded = decode(data) else {
                throw .backupUnreadable(
                    path: "",
                    reason: "EarlyStopping's best weights do not decode as the model's weights "
                        + "(\(context.model.weights?.typeName ?? "the model has no Codable weight hooks"))"
                )
            }
            weights = decoded
        }
        initialState = state.rule
        initialSmoother = state.smoother
        initialBestWeights = state.rule.bestEpoch == nil ? nil : weights
    }
}
