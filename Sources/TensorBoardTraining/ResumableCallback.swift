// ResumableCallback.swift: a callback whose state a backup keeps and gives back.

/// A callback whose state can be saved at the end of an epoch and given to a new instance in another process,
/// so that a training run killed part way and started again (``BackupAndRestore``) decides as if it had never
/// stopped: the same best values, waits and learning-rate reductions, the same files.
///
/// Two rules make a saved state whole:
/// - ``resumeState(context:)`` is taken after every callback's `epochDidEnd` for that epoch (``CallbackList``
///   calls ``BackupAndRestore`` after all the others), so it holds what the next epoch starts from.
/// - ``resume(from:context:)`` is called before `trainingWillBegin` and replaces what that hook starts from
///   (the state given to the initialiser), so the next `fit` starts where the saved one stood.
public protocol ResumableCallback: Callback {
    /// The saved state: a value JSON can hold (``BackupAndRestore`` writes it with Foundation's `JSONEncoder`).
    associatedtype ResumeState: Codable

    /// The state as the next epoch will find it.
    /// - Parameter context: The training run's context (its model hooks, for weights kept in the state).
    /// - Returns: The state.
    /// - Throws: ``TrainingError/backupFailed(path:reason:)`` (with an empty path) when part of it cannot be
    ///   saved.
    func resumeState(context: TrainingContext) throws(TrainingError) -> ResumeState

    /// Makes the next `trainingWillBegin` start from `state` instead of the initialiser's state.
    /// - Parameters:
    ///   - state: A state ``resumeState(context:)`` returned, possibly in another process.
    ///   - context: The new training run's context.
    /// - Throws: ``TrainingError/backupUnreadable(path:reason:)`` (with an empty path) when the state does not
    ///   fit this callback or its model.
    func resume(from state: ResumeState, context: TrainingContext) throws(TrainingError)
}
