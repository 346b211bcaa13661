// Trainer.swift: a fit-like driver over the user's train and validation steps.

/// Runs epochs over the user's steps and drives the callbacks, as Keras's `fit` does: per epoch, the training
/// batches (the loss averaged by sample, the metrics updated, `trainingBatchDidEnd` with running values),
/// then the validation batches (their metrics prefixed `val_`), then `epochWillEnd` (callbacks add to the logs)
/// and `epochDidEnd` with both. Training stops after the planned epochs, or after the batch or epoch in which a
/// callback asked to stop.
///
/// ```swift
/// let trainer = Trainer(
///     metrics: { [SparseCategoricalAccuracy()] },
///     callbacks: [ProgressBar(), try EarlyStopping(patience: 5)]
/// )
/// let history = try trainer.fit(epochs: 30, trainingBatches: 45, trainStep: { epoch, batch in ... },
///                               validationBatches: 12, validationStep: { epoch, batch in ... })
/// ```
public final class Trainer {
    /// The callbacks, in calling order (``history`` first).
    public let callbacks: CallbackList
    /// Every epoch's logs.
    public let history = History()
    private let makeMetrics: () throws -> [any Metric]

    /// Creates a trainer.
    /// - Parameters:
    ///   - metrics: Makes a fresh set of metrics (called once for training and once for validation, when ``fit``
    ///     begins; what it throws, such as a metric's `ConfigurationError`, ``fit`` throws).
    ///   - callbacks: The callbacks, in calling order.
    public init(metrics: @escaping () throws -> [any Metric] = { [] }, callbacks: [any Callback] = []) {
        self.makeMetrics = metrics
        self.callbacks = CallbackList([history] + callbacks)
    }

    /// Trains.
    /// - Parameters:
    ///   - epochs: The last epoch (exclusive); training runs epochs `initialEpoch..<epochs`.
    ///   - initialEpoch: The first epoch (to resume a run); 0 by default.
    ///   - trainingBatches: Training batches per epoch.
    ///   - trainStep: Trains on one batch (epoch, batch) and reports it.
    ///   - validationBatches: Validation batches per epoch; 0 for none.
    ///   - validationStep: Evaluates one validation batch.
    ///   - validationFrequency: Validate after every this many epochs (Keras's `validation_freq`: after epochs
    ///     whose number from 1 is a multiple of it); 1, every epoch, by default.
    ///   - model: How callbacks reach the model.
    /// - Returns: The history of epoch logs.
    /// - Throws: What a step throws; a ``TrainingError`` a callback reported (``TrainingContext/fail(_:)``), after
    ///   the hook that reported it; a `ConfigurationError` for a ``BatchResult`` whose rows do not match. In every
    ///   case the callbacks' `trainingDidEnd` runs first (so best weights are restored).
    @discardableResult
    public func fit(
        epochs: Int,
        initialEpoch: Int = 0,
        trainingBatches: Int,
        trainStep: (_ epoch: Int, _ batch: Int) throws -> BatchResult,
        validationBatches: Int = 0,
        validationStep: ((_ epoch: Int, _ batch: Int) throws -> BatchResult)? = nil,
        validationFrequency: Int = 1,
        model: ModelHooks = ModelHooks()
    ) throws -> History {
        let context = TrainingContext(epochs: epochs, stepsPerEpoch: trainingBatches, model: model)
        let (start, overflow) = initialEpoch.multipliedReportingOverflow(by: max(trainingBatches, 0))
        context.globalStep = overflow ? .max : start
        let trainingLoss = Mean()
        let trainingMetrics = try makeMetrics()
        let validationLoss = Mean()
        let validationMetrics = try makeMetrics()
        var lastLogs: TrainingLogs = [:]
        callbacks.trainingWillBegin(context: context)
        do {
            try context.checkFailure()
            for epoch in initialEpoch..<max(initialEpoch, epochs) {
                context.epoch = epoch
                callbacks.epochWillBegin(epoch, context: context)
                var logs = try runBatches(
                    trainingBatches,
                    epoch: epoch,
                    loss: trainingLoss,
                    metrics: trainingMetrics,
                    context: context,
                    step: trainStep,
                    isTraining: true
                )
                if let validationStep, validationBatches > 0, validationFrequency > 0,
                    (epoch + 1) % validationFrequency == 0
                {
                    callbacks.validationWillBegin(context: context)
                    let validationLogs = try runBatches(
                        validationBatches,
                        epoch: epoch,
                        loss: validationLoss,
                        metrics: validationMetrics,
                        context: context,
                        step: validationStep,
                        isTraining: false
                    )
                    let prefixed = Dictionary(
                        validationLogs.map { ("val_" + $0.key, $0.value) },
                        uniquingKeysWith: { first, _ in first }
                    )
                    callbacks.validationDidEnd(logs: prefixed, context: context)
                    logs.merge(prefixed) { _, new in new }
                }
                callbacks.epochWillEnd(epoch, logs: &logs, context: context)
                callbacks.epochDidEnd(epoch, logs: logs, context: context)
                lastLogs = logs
                try context.checkFailure()
                if context.isStopRequested { break }
            }
        } catch {
            callbacks.trainingDidEnd(logs: lastLogs, context: context)
            throw error
        }
        callbacks.trainingDidEnd(logs: lastLogs, context: context)
        try context.checkFailure()
        return history
    }

    private func runBatches(
        _ count: Int,
        epoch: Int,
        loss: Mean,
        metrics: [any Metric],
        context: TrainingContext,
        step: (Int, Int) throws -> BatchResult,
        isTraining: Bool
    ) throws -> TrainingLogs {
        loss.reset()
        for metric in metrics { metric.reset() }
        var logs: TrainingLogs = [:]
        for batch in 0..<max(count, 0) {
            if isTraining {
                callbacks.trainingBatchWillBegin(batch, context: context)
            } else {
                callbacks.validationBatchWillBegin(batch, context: context)
            }
            let result = try step(epoch, batch)
            try result.validate()
            loss.update(result.loss, weight: Double(result.size))
            if !result.yTrue.isEmpty {
                for metric in metrics {
                    metric.update(yTrue: result.yTrue, yPred: result.yPred, sampleWeight: result.sampleWeight)
                }
            }
            logs = [loss.name: loss.result]
            for metric in metrics { logs[metric.name] = metric.result }
            if isTraining {
                context.globalStep = oneBased(context.globalStep)  // (saturates rather than overflows)
                callbacks.trainingBatchDidEnd(batch, logs: logs, context: context)
                if context.isStopRequested { break }
            } else {
                callbacks.validationBatchDidEnd(batch, logs: logs, context: context)
            }
        }
        return logs
    }
}
