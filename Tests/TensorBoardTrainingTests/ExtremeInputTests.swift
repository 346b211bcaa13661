import Foundation
import TestSupport
import Testing

@testable import TensorBoardTraining

/// A hand-written loop may pass any numbers: none of them traps a callback.
@Suite struct ExtremeInputTests {
    @Test func theProgressBarTakesAnyEpochBatchAndStepCount() {
        for live in [true, false] {
            var text = ""
            let bar = ProgressBar(live: live) { text += $0 }
            for steps in [Int.max, Int.min, 0, -1, 1] {
                let context = TrainingContext(epochs: .max, stepsPerEpoch: steps, warn: { _ in })
                bar.trainingWillBegin(context: context)
                bar.epochWillBegin(.max, context: context)
                for batch in [Int.max, Int.min, -1, 0] {
                    bar.trainingBatchDidEnd(batch, logs: ["loss": .nan, "accuracy": .infinity], context: context)
                }
                bar.epochDidEnd(.max, logs: ["loss": -.infinity, "val_loss": 1e300], context: context)
                bar.trainingDidEnd(logs: [:], context: context)
            }
            #expect(text.contains("Epoch \(Int.max)/\(Int.max)"))
        }
        #expect(ProgressBar.duration(1e300) == "?" && ProgressBar.stepTime(.infinity) == "?")
    }

    @Test func monitorsTakeTheLargestEpochAndBatch() throws {
        let directory = TemporaryDirectory()
        var warnings: [String] = []
        let context = TrainingContext(epochs: 1, warn: { warnings.append($0) })
        let stopping = try EarlyStopping(patience: 0, restoreBestWeights: true)
        struct Failure: Error {}
        let checkpoint = try ModelCheckpoint(filePath: directory.path + "/m-{epoch}", save: { _ in throw Failure() })
        let terminate = TerminateOnNaN()
        let list = CallbackList([stopping, checkpoint, terminate])
        list.trainingWillBegin(context: context)
        list.trainingBatchDidEnd(.max, logs: ["loss": .nan], context: context)
        list.epochDidEnd(.max - 1, logs: ["val_loss": 1], context: context)
        list.epochDidEnd(.max, logs: ["val_loss": 2], context: context)
        list.trainingDidEnd(logs: [:], context: context)
        #expect(context.stopReasons.contains("the loss became nan at batch \(Int.max) of epoch 1"))
        #expect(stopping.stoppedEpoch == .max)
        #expect(warnings.contains { $0.hasPrefix("ModelCheckpoint could not save after epoch \(Int.max)") })
    }

    @Test func theTrainerTakesAnyBatchCountAndInitialEpoch() throws {
        let trainer = Trainer(callbacks: [])
        var steps = 0
        let history = try trainer.fit(
            epochs: 2,
            trainingBatches: -3,
            trainStep: { _, _ in
                steps += 1
                return try BatchResult(loss: 1)
            },
            validationBatches: -1,
            validationStep: { _, _ in try BatchResult(loss: 1) }
        )
        #expect(steps == 0 && history.epochs == [0, 1])
        // A resume at the last epoch with the most batches: the global step saturates, the step's error ends it.
        #expect(throws: CancellationError.self) {
            try Trainer().fit(
                epochs: .max,
                initialEpoch: .max - 1,
                trainingBatches: .max,
                trainStep: { _, batch in
                    if batch == 2 { throw CancellationError() }
                    return try BatchResult(loss: 1)
                }
            )
        }
    }
}
