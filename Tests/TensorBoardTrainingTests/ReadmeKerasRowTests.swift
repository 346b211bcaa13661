import TestSupport
import Testing

@testable import TensorBoardTraining

/// The Keras row of the README's "Coming from PyTorch / Keras" table.
@Suite struct ReadmeKerasRowTests {
    let directory = TemporaryDirectory()

    @Test func theTrainerWithTensorBoardAndEarlyStoppingCallbacksRuns() throws {
        let logDir = directory.path + "/logs"
        let history = try Trainer(callbacks: [
            TensorBoardLogger(logDirectory: logDir), try EarlyStopping(monitor: "val_loss", patience: 5),
        ]).fit(
            epochs: 2,
            trainingBatches: 1,
            trainStep: { _, _ in try BatchResult(loss: 1, yTrue: [[1]], yPred: [[1]]) },
            validationBatches: 1,
            validationStep: { _, _ in try BatchResult(loss: 1, yTrue: [[1]], yPred: [[1]]) }
        )
        #expect(history.epochs == [0, 1])
        let log = try Logdir.read(logDir)
        #expect(log.run(named: "validation")?.scalars("epoch_loss").map(\.step) == [0, 1])
    }
}
