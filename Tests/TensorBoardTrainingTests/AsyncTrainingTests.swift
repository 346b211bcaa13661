import Testing

@testable import TensorBoardTraining

/// `fit` with steps that suspend, driven from an actor that owns the model, gives what the synchronous form
/// gives, and its history can leave the actor.
@Suite struct AsyncTrainingTests {
    /// A model owned by an actor: one weight learning y = 2x.
    actor Lab {
        var weight = 0.0
        var learningRate = 0.5
        let points = (0..<100).map { Double($0) / 100 }

        func step(_ batch: ArraySlice<Double>, learns: Bool) throws -> BatchResult {
            var loss = 0.0
            var gradient = 0.0
            for x in batch {
                loss += (weight * x - 2 * x) * (weight * x - 2 * x)
                gradient += 2 * (weight * x - 2 * x) * x
            }
            if learns { weight -= learningRate * gradient / Double(batch.count) }
            return try BatchResult(loss: loss / Double(batch.count), size: batch.count)
        }

        func train(epochs: Int) async throws -> History {
            let trainer = Trainer(callbacks: [
                try EarlyStopping(monitor: "val_loss", patience: 2, restoreBestWeights: true),
                try ReduceLROnPlateau(monitor: "val_loss", factor: 0.5, patience: 1),
            ])
            return try await trainer.fit(
                epochs: epochs,
                trainingBatches: 4,
                trainStep: { _, batch in
                    await Task.yield()  // a step that suspends, as one awaiting a data loader does
                    return try self.step(self.points[(batch * 20)..<(batch * 20 + 20)], learns: true)
                },
                validationBatches: 1,
                validationStep: { _, _ in try self.step(self.points[80...], learns: false) },
                model: ModelHooks(
                    captureWeights: { self.weight },
                    restoreWeights: { self.weight = $0 },
                    learningRate: { self.learningRate },
                    setLearningRate: { self.learningRate = $0 }
                )
            )
        }
    }

    @Test func anActorTrainsWithAsyncStepsAndTheHistoryLeavesIt() async throws {
        let lab = Lab()
        let history = try await lab.train(epochs: 12)
        #expect(history.epochs.first == 0)
        #expect(!history.epochs.isEmpty)
        let losses = history.values(of: "val_loss").compactMap { $0 }
        #expect(losses.count == history.epochs.count)
        #expect(losses.last ?? .infinity < losses.first ?? 0)
        let weight = await lab.weight
        #expect(abs(weight - 2) < 1)
    }

    @Test func theAsyncFormGivesWhatTheSynchronousFormGives() async throws {
        func run(async: Bool) async throws -> [TrainingLogs] {
            var weight = 0.0
            func step(_ epoch: Int, _ batch: Int) throws -> BatchResult {
                weight += 0.1
                return try BatchResult(loss: 1 / (1 + weight + Double(batch)), yTrue: [[1]], yPred: [[weight]])
            }
            let trainer = Trainer(
                metrics: { [MeanAbsoluteError()] },
                callbacks: [try EarlyStopping(monitor: "val_loss", patience: 1)]
            )
            if async {
                return try await trainer.fit(
                    epochs: 6,
                    trainingBatches: 3,
                    trainStep: { try step($0, $1) },
                    validationBatches: 2,
                    validationStep: { try step($0, $1) },
                    validationFrequency: 2
                ).logs
            }
            return try trainer.fit(
                epochs: 6,
                trainingBatches: 3,
                trainStep: step,
                validationBatches: 2,
                validationStep: step,
                validationFrequency: 2
            ).logs
        }
        let synchronous = try await run(async: false)
        #expect(synchronous.count == 6)
        #expect(try await run(async: true) == synchronous)
    }

    @Test func aStepThatThrowsEndsTrainingAfterTheCallbacksEnd() async throws {
        struct Failed: Error {}
        let history = History()
        let trainer = Trainer(callbacks: [history])
        await #expect(throws: Failed.self) {
            try await trainer.fit(
                epochs: 3,
                trainingBatches: 2,
                trainStep: { epoch, _ in
                    if epoch == 1 { throw Failed() }
                    return try BatchResult(loss: 1)
                }
            )
        }
        #expect(trainer.history.epochs == [0])
    }
}
