// Callback.swift: the hooks a training loop calls, as Keras defines them.

/// Something that watches training and may act on it: log metrics, stop early, save the model.
///
/// The hooks come in begin/end pairs for the whole run, each epoch, each training batch, the validation pass
/// and each validation batch, as Keras's `on_train_begin`, `on_epoch_end` and so on. End hooks receive the
/// logs: metric name to value, validation metrics prefixed `val_`. Every hook has a default that does nothing,
/// so a callback implements only what it needs. To stop training, call ``TrainingContext/requestStop(reason:)``.
///
/// At the end of an epoch the loop first calls ``epochWillEnd(_:logs:context:)`` on every callback, which may
/// add entries to the logs (Keras's callbacks write into the `logs` dictionary they share, as
/// `ReduceLROnPlateau` writes `learning_rate`), then ``epochDidEnd(_:logs:context:)`` with the completed logs.
/// ``Trainer`` and ``CallbackList`` do both; a hand-written loop calling callbacks one by one should too.
///
/// Callbacks are classes (they keep state between calls) and are used from the training loop's thread.
public protocol Callback: AnyObject {
    /// Training is about to begin.
    func trainingWillBegin(context: TrainingContext)
    /// Training has ended (all epochs run, or stopped); `logs` are the last epoch's.
    func trainingDidEnd(logs: TrainingLogs, context: TrainingContext)
    /// An epoch (from 0) is about to begin.
    func epochWillBegin(_ epoch: Int, context: TrainingContext)
    /// An epoch's metrics are in: add entries to its logs (such as `learning_rate`) before every callback's
    /// ``epochDidEnd(_:logs:context:)`` sees them; later callbacks see what earlier ones added.
    func epochWillEnd(_ epoch: Int, logs: inout TrainingLogs, context: TrainingContext)
    /// An epoch has ended; `logs` hold its training and validation metrics, and what ``epochWillEnd(_:logs:context:)``
    /// added.
    func epochDidEnd(_ epoch: Int, logs: TrainingLogs, context: TrainingContext)
    /// A training batch (from 0 within the epoch) is about to begin.
    func trainingBatchWillBegin(_ batch: Int, context: TrainingContext)
    /// A training batch has ended; `logs` hold the epoch's running metrics.
    func trainingBatchDidEnd(_ batch: Int, logs: TrainingLogs, context: TrainingContext)
    /// The validation pass of an epoch is about to begin.
    func validationWillBegin(context: TrainingContext)
    /// The validation pass has ended; `logs` hold the validation metrics (prefixed `val_`).
    func validationDidEnd(logs: TrainingLogs, context: TrainingContext)
    /// A validation batch is about to begin.
    func validationBatchWillBegin(_ batch: Int, context: TrainingContext)
    /// A validation batch has ended; `logs` hold the running validation metrics (without prefix).
    func validationBatchDidEnd(_ batch: Int, logs: TrainingLogs, context: TrainingContext)
}

/// Every hook does nothing by default.
extension Callback {
    /// Does nothing.
    public func trainingWillBegin(context: TrainingContext) {}
    /// Does nothing.
    public func trainingDidEnd(logs: TrainingLogs, context: TrainingContext) {}
    /// Does nothing.
    public func epochWillBegin(_ epoch: Int, context: TrainingContext) {}
    /// Adds nothing.
    public func epochWillEnd(_ epoch: Int, logs: inout TrainingLogs, context: TrainingContext) {}
    /// Does nothing.
    public func epochDidEnd(_ epoch: Int, logs: TrainingLogs, context: TrainingContext) {}
    /// Does nothing.
    public func trainingBatchWillBegin(_ batch: Int, context: TrainingContext) {}
    /// Does nothing.
    public func trainingBatchDidEnd(_ batch: Int, logs: TrainingLogs, context: TrainingContext) {}
    /// Does nothing.
    public func validationWillBegin(context: TrainingContext) {}
    /// Does nothing.
    public func validationDidEnd(logs: TrainingLogs, context: TrainingContext) {}
    /// Does nothing.
    public func validationBatchWillBegin(_ batch: Int, context: TrainingContext) {}
    /// Does nothing.
    public func validationBatchDidEnd(_ batch: Int, logs: TrainingLogs, context: TrainingContext) {}
}
