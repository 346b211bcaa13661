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
    let makeMetrics: () throws -> [any Metric]

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
        let session = try FitSession(
            trainer: self,
            epochs: epochs,
            initialEpoch: initialEpoch,
            trainingBatches: trainingBatches,
            validationBatches: validationBatches,
            validationFrequency: validationFrequency,
            model: model,
            makeMetrics: makeMetrics
        )
        do {
            try session.checkFailure()
            for epoch in session.epochs {
                session.beginEpoch(epoch)
                for batch in 0..<max(trainingBatches, 0) {
                    session.beginBatch(batch, training: true)
                    guard try session.endBatch(batch, result: try trainStep(epoch, batch), training: true) else {
                        break
                    }
                }
                let validationCount = validationStep == nil ? 0 : session.validationBatchCount(afterEpoch: epoch)
                if let validationStep, validationCount > 0 {
                    session.beginValidation()
                    for batch in 0..<validationCount {
                        session.beginBatch(batch, training: false)
                        _ = try session.endBatch(batch, result: try validationStep(epoch, batch), training: false)
                    }
                    session.endValidation()
                }
                guard try session.endEpoch(epoch, validated: validationCount > 0) else { break }
            }
        } catch {
            return try session.finish(after: error)
        }
        return try session.finish()
    }
}
