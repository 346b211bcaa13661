// FitSession.swift: one run of `Trainer.fit`, step by step, so that its synchronous and asynchronous forms
// call the callbacks in the same order.

/// The state of one `fit`: the context, the running loss and metrics, and the logs so far. Each form of
/// ``Trainer/fit(epochs:initialEpoch:trainingBatches:trainStep:validationBatches:validationStep:validationFrequency:model:)``
/// is a loop over epochs and batches that calls these methods and its steps, and nothing else, so the order of
/// the hooks (Keras's) lives here once.
final class FitSession {
    private let callbacks: CallbackList
    let context: TrainingContext
    private let history: History
    private let trainingLoss = Mean()
    private let trainingMetrics: [any Metric]
    private let validationLoss = Mean()
    private let validationMetrics: [any Metric]
    /// The epochs to run: from `initialEpoch`, or from the epoch a ``BackupAndRestore`` restored.
    private(set) var epochs: Range<Int>
    private let validationBatches: Int
    private let validationFrequency: Int
    /// The running logs of the batches read so far in this epoch's current phase.
    private var batchLogs: TrainingLogs = [:]
    /// The epoch's logs: the training batches', then the validation's, prefixed `val_`.
    private var epochLogs: TrainingLogs = [:]
    private var lastLogs: TrainingLogs = [:]

    /// Makes the metrics and begins training (`trainingWillBegin`).
    /// - Throws: What the metrics factory throws (before any hook runs).
    init(
        trainer: Trainer,
        epochs: Int,
        initialEpoch: Int,
        trainingBatches: Int,
        validationBatches: Int,
        validationFrequency: Int,
        model: ModelHooks,
        makeMetrics: () throws -> [any Metric]
    ) throws {
        callbacks = trainer.callbacks
        history = trainer.history
        context = TrainingContext(epochs: epochs, stepsPerEpoch: trainingBatches, model: model)
        let (start, overflow) = initialEpoch.multipliedReportingOverflow(by: max(trainingBatches, 0))
        context.globalStep = overflow ? .max : start
        trainingMetrics = try makeMetrics()
        validationMetrics = try makeMetrics()
        self.epochs = initialEpoch..<max(initialEpoch, epochs)
        self.validationBatches = max(validationBatches, 0)
        self.validationFrequency = validationFrequency
        callbacks.trainingWillBegin(context: context)
        if context.isResumed { self.epochs = context.epoch..<max(context.epoch, epochs) }
    }

    /// Throws what a callback reported so far (``TrainingContext/fail(_:)``).
    func checkFailure() throws {
        try context.checkFailure()
    }

    /// An epoch begins: `epochWillBegin`, and the training phase's running values start again.
    func beginEpoch(_ epoch: Int) {
        context.epoch = epoch
        callbacks.epochWillBegin(epoch, context: context)
        beginPhase(loss: trainingLoss, metrics: trainingMetrics)
    }

    /// How many validation batches epoch `epoch` runs: none unless it is one `validationFrequency` picks.
    func validationBatchCount(afterEpoch epoch: Int) -> Int {
        guard validationFrequency > 0, (epoch + 1) % validationFrequency == 0 else { return 0 }
        return validationBatches
    }

    /// The training phase ends and the validation phase begins (`validationWillBegin`).
    func beginValidation() {
        epochLogs = batchLogs
        callbacks.validationWillBegin(context: context)
        beginPhase(loss: validationLoss, metrics: validationMetrics)
    }

    /// The validation phase ends: its logs join the epoch's, prefixed `val_` (`validationDidEnd`).
    func endValidation() {
        let prefixed = Dictionary(
            batchLogs.map { ("val_" + $0.key, $0.value) },
            uniquingKeysWith: { first, _ in first }
        )
        callbacks.validationDidEnd(logs: prefixed, context: context)
        epochLogs.merge(prefixed) { _, new in new }
        batchLogs = [:]
    }

    /// A batch begins (`trainingBatchWillBegin` or `validationBatchWillBegin`).
    func beginBatch(_ batch: Int, training: Bool) {
        if training {
            callbacks.trainingBatchWillBegin(batch, context: context)
        } else {
            callbacks.validationBatchWillBegin(batch, context: context)
        }
    }

    /// A batch ended with `result`: the running loss and metrics take it in, and the batch's hook runs.
    /// - Returns: Whether the phase goes on (a callback may ask training to stop after a training batch; the
    ///   epoch is still finished, validation included).
    /// - Throws: A `ConfigurationError` when the result's rows do not match.
    func endBatch(_ batch: Int, result: BatchResult, training: Bool) throws -> Bool {
        try result.validate()
        let (loss, metrics) = training ? (trainingLoss, trainingMetrics) : (validationLoss, validationMetrics)
        loss.update(result.loss, weight: Double(result.size))
        if !result.yTrue.isEmpty {
            for metric in metrics {
                metric.update(yTrue: result.yTrue, yPred: result.yPred, sampleWeight: result.sampleWeight)
            }
        }
        batchLogs = [loss.name: loss.result]
        for metric in metrics { batchLogs[metric.name] = metric.result }
        guard training else {
            callbacks.validationBatchDidEnd(batch, logs: batchLogs, context: context)
            return true
        }
        context.globalStep = oneBased(context.globalStep)  // (saturates rather than overflows)
        callbacks.trainingBatchDidEnd(batch, logs: batchLogs, context: context)
        return !context.isStopRequested
    }

    /// The epoch ends (`epochWillEnd`, then `epochDidEnd` with what the callbacks added).
    /// - Returns: Whether training goes on to the next epoch.
    /// - Throws: A ``TrainingError`` a callback reported.
    func endEpoch(_ epoch: Int, validated: Bool) throws -> Bool {
        if !validated { epochLogs = batchLogs }
        callbacks.epochWillEnd(epoch, logs: &epochLogs, context: context)
        callbacks.epochDidEnd(epoch, logs: epochLogs, context: context)
        lastLogs = epochLogs
        try context.checkFailure()
        return !context.isStopRequested
    }

    /// Ends training (`trainingDidEnd`, which runs whatever stopped it, so that best weights are restored).
    /// - Parameter failure: What stopped training early, rethrown after the hook.
    /// - Returns: The history.
    /// - Throws: `failure`, or a ``TrainingError`` a callback reported.
    func finish(after failure: (any Error)? = nil) throws -> History {
        context.endsByError = failure != nil
        callbacks.trainingDidEnd(logs: lastLogs, context: context)
        if let failure { throw failure }
        try context.checkFailure()
        return history
    }

    private func beginPhase(loss: Mean, metrics: [any Metric]) {
        loss.reset()
        for metric in metrics { metric.reset() }
        batchLogs = [:]
    }
}
