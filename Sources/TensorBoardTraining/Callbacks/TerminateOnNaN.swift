// TerminateOnNaN.swift: stops training when the loss becomes NaN or infinite.

/// Stops training as soon as a training batch's loss is NaN or infinite (Keras's `TerminateOnNaN`).
public final class TerminateOnNaN: Callback {
    /// The batch (within its epoch) whose loss was not finite, if one was.
    public private(set) var terminatedBatch: Int?

    /// Creates the callback.
    public init() {}

    /// Forgets an earlier termination.
    public func trainingWillBegin(context: TrainingContext) {
        terminatedBatch = nil
    }

    /// Asks to stop when the batch's `loss` is NaN or infinite.
    public func trainingBatchDidEnd(_ batch: Int, logs: TrainingLogs, context: TrainingContext) {
        guard terminatedBatch == nil, let loss = logs["loss"], !loss.isFinite else { return }
        terminatedBatch = batch
        let place = "batch \(oneBased(batch)) of epoch \(oneBased(context.epoch))"
        context.requestStop(reason: "the loss became \(loss) at \(place)")
    }
}
