import Testing

@testable import TensorBoardTraining

/// `EarlyStopping(restoreBestWeights: true)` puts back the best epoch's own values, whether the model is a
/// struct or a class, and says so when it cannot.
@Suite struct RestoreBestWeightsTests {
    /// A model that is a class: training changes its parameters in place.
    final class ClassModel {
        var parameters: [Double] = [0]
    }

    /// Validation losses with the best at epoch 1 (0-based), then no improvement for `patience` 2 epochs.
    static let losses = [3.0, 1.0, 2.0, 2.5]

    /// Trains `losses.count` epochs, setting the parameters to the epoch number, through `hooks`.
    private func train(hooks: ModelHooks, setEpoch: @escaping (Int) -> Void) throws -> EarlyStopping {
        let stopping = try EarlyStopping(monitor: "val_loss", patience: 2, restoreBestWeights: true)
        let trainer = Trainer(callbacks: [stopping])
        try trainer.fit(
            epochs: Self.losses.count,
            trainingBatches: 1,
            trainStep: { epoch, _ in
                setEpoch(epoch)
                return try BatchResult(loss: 1)
            },
            validationBatches: 1,
            validationStep: { epoch, _ in try BatchResult(loss: Self.losses[epoch]) },
            model: hooks
        )
        return stopping
    }

    @Test func aValueModelGetsTheBestEpochsWeightsBack() throws {
        var weights: [Double] = [0]
        let stopping = try train(
            hooks: ModelHooks(captureWeights: { weights }, restoreWeights: { weights = $0 }),
            setEpoch: { weights = [Double($0)] }
        )
        #expect(stopping.restoredEpoch == 1 && weights == [1])
    }

    @Test func aClassModelGetsTheBestEpochsValuesBackFromACopyOfItsParameters() throws {
        let model = ClassModel()
        let stopping = try train(
            hooks: ModelHooks(captureWeights: { model.parameters }, restoreWeights: { model.parameters = $0 }),
            setEpoch: { model.parameters[0] = Double($0) }  // in place, as an optimizer step
        )
        #expect(stopping.restoredEpoch == 1 && model.parameters == [1])
    }

    @Test func capturingTheClassInstanceItselfIsAnError() throws {
        let model = ClassModel()
        var restored = false
        do {
            _ = try train(
                hooks: ModelHooks(captureWeights: { model }, restoreWeights: { _ in restored = true }),
                setEpoch: { model.parameters[0] = Double($0) }
            )
            Issue.record("restored a reference as if it were the best epoch's weights")
        } catch let error as TrainingError {
            guard case .weightsNotRestorable(let reason) = error else {
                Issue.record("unexpected \(error)")
                return
            }
            #expect(reason.contains("class") && reason.contains("ClassModel"))
        }
        #expect(!restored)
    }

    @Test func restoringWithoutWeightHooksIsAnErrorBeforeTheFirstEpoch() throws {
        var epochsRun = 0
        #expect(throws: TrainingError.self) {
            _ = try train(hooks: ModelHooks(), setEpoch: { _ in epochsRun += 1 })
        }
        #expect(epochsRun == 0)
    }

    @Test func givenBestWeightsOfAnotherTypeAreAnErrorAtTheEnd() throws {
        var weights: [Double] = [0]
        let stopping = try EarlyStopping(
            monitor: "val_loss",
            restoreBestWeights: true,
            state: EarlyStoppingState(best: 0.5, bestEpoch: 0),
            bestWeights: "not an array"
        )
        let trainer = Trainer(callbacks: [stopping])
        do {
            try trainer.fit(
                epochs: 2,
                initialEpoch: 1,
                trainingBatches: 1,
                trainStep: { _, _ in try BatchResult(loss: 1) },
                validationBatches: 1,
                validationStep: { _, _ in try BatchResult(loss: 3) },
                model: ModelHooks(captureWeights: { weights }, restoreWeights: { weights = $0 })
            )
            Issue.record("claimed to restore weights of the wrong type")
        } catch let error as TrainingError {
            #expect(error.description.contains("String") && error.description.contains("Array<Double>"))
        }
        #expect(stopping.restoredEpoch == nil && weights == [0])
    }
}
