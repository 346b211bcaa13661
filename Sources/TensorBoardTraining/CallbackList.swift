// CallbackList.swift: calls several callbacks in order.

/// Calls each of its callbacks in order, for every hook; a loop written by hand calls the list.
///
/// At the end of an epoch, call ``epochWillEnd(_:logs:context:)`` and then ``epochDidEnd(_:logs:context:)`` with
/// the logs it completed, as ``Trainer`` does: each callback then sees the entries the others added.
///
/// A ``BackupAndRestore`` in the list restores its backup before every callback's `trainingWillBegin` (a
/// hand-written loop then starts from ``TrainingContext/epoch`` when ``TrainingContext/isResumed``), and backs
/// up after every other callback's `epochDidEnd`, wherever it is in the list.
public final class CallbackList: Callback {
    /// The callbacks, in calling order.
    public private(set) var callbacks: [any Callback]

    /// Creates a list.
    /// - Parameter callbacks: The callbacks, in calling order.
    public init(_ callbacks: [any Callback]) {
        self.callbacks = callbacks
    }

    /// Adds a callback at the end.
    public func append(_ callback: any Callback) {
        callbacks.append(callback)
    }

    /// Restores each ``BackupAndRestore``'s backup, then calls each callback's `trainingWillBegin`.
    public func trainingWillBegin(context: TrainingContext) {
        for case let backup as BackupAndRestore in callbacks { backup.restore(into: callbacks, context: context) }
        for callback in callbacks { callback.trainingWillBegin(context: context) }
    }

    /// Calls each callback's `trainingDidEnd`.
    public func trainingDidEnd(logs: TrainingLogs, context: TrainingContext) {
        for callback in callbacks { callback.trainingDidEnd(logs: logs, context: context) }
    }

    /// Calls each callback's `epochWillBegin`.
    public func epochWillBegin(_ epoch: Int, context: TrainingContext) {
        for callback in callbacks { callback.epochWillBegin(epoch, context: context) }
    }

    /// Calls each callback's `epochWillEnd` in turn on the same logs, so each sees what earlier ones added.
    public func epochWillEnd(_ epoch: Int, logs: inout TrainingLogs, context: TrainingContext) {
        for callback in callbacks { callback.epochWillEnd(epoch, logs: &logs, context: context) }
    }

    /// Calls each callback's `epochDidEnd`, then has each ``BackupAndRestore`` back up, so that the backup holds
    /// what every callback did at this epoch.
    public func epochDidEnd(_ epoch: Int, logs: TrainingLogs, context: TrainingContext) {
        for callback in callbacks { callback.epochDidEnd(epoch, logs: logs, context: context) }
        for case let backup as BackupAndRestore in callbacks {
            backup.backUp(after: epoch, callbacks: callbacks, context: context)
        }
    }

    /// Calls each callback's `trainingBatchWillBegin`.
    public func trainingBatchWillBegin(_ batch: Int, context: TrainingContext) {
        for callback in callbacks { callback.trainingBatchWillBegin(batch, context: context) }
    }

    /// Calls each callback's `trainingBatchDidEnd`.
    public func trainingBatchDidEnd(_ batch: Int, logs: TrainingLogs, context: TrainingContext) {
        for callback in callbacks { callback.trainingBatchDidEnd(batch, logs: logs, context: context) }
    }

    /// Calls each callback's `validationWillBegin`.
    public func validationWillBegin(context: TrainingContext) {
        for callback in callbacks { callback.validationWillBegin(context: context) }
    }

    /// Calls each callback's `validationDidEnd`.
    public func validationDidEnd(logs: TrainingLogs, context: TrainingContext) {
        for callback in callbacks { callback.validationDidEnd(logs: logs, context: context) }
    }

    /// Calls each callback's `validationBatchWillBegin`.
    public func validationBatchWillBegin(_ batch: Int, context: TrainingContext) {
        for callback in callbacks { callback.validationBatchWillBegin(batch, context: context) }
    }

    /// Calls each callback's `validationBatchDidEnd`.
    public func validationBatchDidEnd(_ batch: Int, logs: TrainingLogs, context: TrainingContext) {
        for callback in callbacks { callback.validationBatchDidEnd(batch, logs: logs, context: context) }
    }
}
