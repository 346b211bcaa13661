// Trainer+Async.swift: `fit` with steps that may suspend, run on the caller's actor.

extension Trainer {
    /// Trains with steps that may suspend (`async`), as a step that awaits a data loader or a device does; the
    /// same epochs, batches and callback hooks as the synchronous form.
    ///
    /// The training runs on the caller's actor (`isolation`, which the caller's context gives), so an actor can
    /// own the model and train it with steps that use its state, and a `main.swift` can train on the main actor.
    /// - Parameters:
    ///   - epochs: The last epoch (exclusive); training runs epochs `initialEpoch..<epochs`.
    ///   - initialEpoch: The first epoch (to resume a run); 0 by default.
    ///   - trainingBatches: Training batches per epoch.
    ///   - trainStep: Trains on one batch (epoch, batch) and reports it.
    ///   - validationBatches: Validation batches per epoch; 0 for none.
    ///   - validationStep: Evaluates one validation batch.
    ///   - validationFrequency: Validate after every this many epochs; 1, every epoch, by default.
    ///   - model: How callbacks reach the model.
    ///   - isolation: The actor the training runs on; the caller's, by default.
    /// - Returns: The history of epoch logs.
    /// - Throws: As the synchronous form does.
    @discardableResult
    public func fit(
        epochs: Int,
        initialEpoch: Int = 0,
        trainingBatches: Int,
        trainStep: (_ epoch: Int, _ batch: Int) async throws -> BatchResult,
        validationBatches: Int = 0,
        validationStep: ((_ epoch: Int, _ batch: Int) async throws -> BatchResult)? = nil,
        validationFrequency: Int = 1,
        model: ModelHooks = ModelHooks(),
        isolation: isolated (any Actor)? = #isolation
    ) async throws -> History {
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
                    let result = try await trainStep(epoch, batch)
                    guard try session.endBatch(batch, result: result, training: true) else { break }
                }
                let validationCount = validationStep == nil ? 0 : session.validationBatchCount(afterEpoch: epoch)
                if let validationStep, validationCount > 0 {
                    session.beginValidation()
                    for batch in 0..<validationCount {
                        session.beginBatch(batch, training: false)
                        let result = try await validationStep(epoch, batch)
                        _ = try session.endBatch(batch, result: result, training: false)
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
