// CallbackList.swift: calls several callbacks in order.

/// Calls each of its callbacks in order, for every hook; a loop written by hand calls the list.
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

    public func trainingWillBegin(context: TrainingContext) {
        for callback in callbacks { callback.trainingWillBegin(context: context) }
    }

    public func trainingDidEnd(logs: TrainingLogs, context: TrainingContext) {
        for callback in callbacks { callback.trainingDidEnd(logs: logs, context: context) }
    }

    public func epochWillBegin(_ epoch: Int, context: TrainingContext) {
        for callback in callbacks { callback.epochWillBegin(epoch, context: context) }
    }

    public func epochDidEnd(_ epoch: Int, logs: TrainingLogs, context: TrainingContext) {
        for callback in callbacks { callback.epochDidEnd(epoch, logs: logs, context: context) }
    }

    public func trainingBatchWillBegin(_ batch: Int, context: TrainingContext) {
        for callback in callbacks { callback.trainingBatchWillBegin(batch, context: context) }
    }

    public func trainingBatchDidEnd(_ batch: Int, logs: TrainingLogs, context: TrainingContext) {
        for callback in callbacks { callback.trainingBatchDidEnd(batch, logs: logs, context: context) }
    }

    public func validationWillBegin(context: TrainingContext) {
        for callback in callbacks { callback.validationWillBegin(context: context) }
    }

    public func validationDidEnd(logs: TrainingLogs, context: TrainingContext) {
        for callback in callbacks { callback.validationDidEnd(logs: logs, context: context) }
    }

    public func validationBatchWillBegin(_ batch: Int, context: TrainingContext) {
        for callback in callbacks { callback.validationBatchWillBegin(batch, context: context) }
    }

    public func validationBatchDidEnd(_ batch: Int, logs: TrainingLogs, context: TrainingContext) {
        for callback in callbacks { callback.validationBatchDidEnd(batch, logs: logs, context: context) }
    }
}
