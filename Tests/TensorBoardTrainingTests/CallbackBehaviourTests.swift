import Foundation
import TestSupport
import Testing

@testable import TensorBoardTraining

@Suite struct CSVLoggerTests {
    let directory = TemporaryDirectory()

    private func contents(_ path: String) -> String {
        (try? String(contentsOfFile: path, encoding: .utf8)) ?? ""
    }

    // Byte-for-byte agreement with Keras's CSVLogger is KerasLogCompatibilityTests; these are the two places
    // where we differ from it on purpose, as CSVLogger's documentation says.

    @Test func aResumedRunKeepsTheHeadersColumnsWhereKerasWouldMisalignTheRows() {
        let path = directory.path + "/resumed.csv"
        let keras = "epoch,accuracy,loss,val_accuracy,val_loss\r\n0,0.5,1.0,0.25,2.0\r\n"
        writeFile(Array(keras.utf8), to: path)
        let context = TrainingContext(epochs: 4, warn: { _ in })
        let resumed = CSVLogger(path: path, append: true)
        resumed.trainingWillBegin(context: context)
        // Keras would take its columns from this epoch's keys (loss, val_loss) and write `1,0.25,0.5` under the
        // five-column header.
        resumed.epochDidEnd(1, logs: ["loss": 0.25, "val_loss": 0.5], context: context)
        #expect(contents(path) == keras + "1,NA,0.25,NA,0.5\r\n")
    }

    @Test func aKeyThatKerasWouldDropBecomesANewColumn() {
        let path = directory.path + "/later.csv"
        let context = TrainingContext(epochs: 3, warn: { _ in })
        let logger = CSVLogger(path: path)
        logger.trainingWillBegin(context: context)
        logger.epochDidEnd(0, logs: ["loss": 1, "val_loss": 2], context: context)
        logger.epochDidEnd(1, logs: ["loss": 0.5, "val_loss": 0.75, "accuracy": 0.5], context: context)
        logger.epochDidEnd(2, logs: ["loss": 0.25, "val_loss": 0.5], context: context)
        #expect(
            contents(path)
                == "epoch,loss,val_loss,accuracy\r\n0,1.0,2.0,NA\r\n1,0.5,0.75,0.5\r\n2,0.25,0.5,NA\r\n"
        )
    }

    @Test func quotesAFieldHoldingTheSeparatorAndReadsItBack() {
        let path = directory.path + "/quoted.csv"
        let context = TrainingContext(epochs: 2, warn: { _ in })
        let first = CSVLogger(path: path)
        first.trainingWillBegin(context: context)
        first.epochDidEnd(0, logs: ["top,5": 0.5], context: context)
        let resumed = CSVLogger(path: path, append: true)
        resumed.trainingWillBegin(context: context)
        resumed.epochDidEnd(1, logs: ["top,5": 0.75], context: context)
        // Python's csv module writes (and reads) `"top,5"` and `"val_top,5"` so.
        #expect(contents(path) == "epoch,\"top,5\",\"val_top,5\"\r\n0,0.5,NA\r\n1,0.75,NA\r\n")
    }
}

@Suite struct ProgressBarTests {
    @Test func printsOneLinePerEpochWhenNotOnATerminal() {
        var text = ""
        let bar = ProgressBar(live: false) { text += $0 }
        let context = TrainingContext(epochs: 2, stepsPerEpoch: 3, warn: { _ in })
        bar.trainingWillBegin(context: context)
        bar.epochWillBegin(0, context: context)
        for batch in 0..<3 { bar.trainingBatchDidEnd(batch, logs: ["loss": 0.5], context: context) }
        bar.epochDidEnd(0, logs: ["loss": 0.5, "accuracy": 0.25, "val_loss": 0.75], context: context)
        let lines = text.split(separator: "\n")
        #expect(lines.count == 1)
        #expect(lines[0].hasPrefix("Epoch 1/2 - 0s "))
        #expect(lines[0].hasSuffix("/step - accuracy: 0.2500 - loss: 0.5000 - val_loss: 0.7500"))
    }

    @Test func drawsALiveBarOnATerminal() {
        var text = ""
        let bar = ProgressBar(live: true) { text += $0 }
        let context = TrainingContext(epochs: 1, stepsPerEpoch: 2, warn: { _ in })
        bar.trainingWillBegin(context: context)
        bar.epochWillBegin(0, context: context)
        bar.trainingBatchDidEnd(0, logs: ["loss": 1], context: context)
        bar.trainingBatchDidEnd(1, logs: ["loss": 0.5], context: context)
        bar.epochDidEnd(0, logs: ["loss": 0.5], context: context)
        #expect(text.hasPrefix("Epoch 1/1\n\r1/2 ━━━━━━━━━━──────────"))
        #expect(text.contains("\r2/2 ━━━━━━━━━━━━━━━━━━━━"))
        #expect(text.hasSuffix(" - loss: 0.5000\u{1B}[K\n"))
    }
}

@Suite struct TerminateOnNaNTests {
    @Test func stopsAtTheFirstNonFiniteLoss() {
        let callback = TerminateOnNaN()
        let context = TrainingContext(epochs: 1, warn: { _ in })
        callback.trainingWillBegin(context: context)
        callback.trainingBatchDidEnd(0, logs: ["loss": 1], context: context)
        #expect(!context.isStopRequested)
        callback.trainingBatchDidEnd(1, logs: ["loss": .infinity], context: context)
        #expect(context.isStopRequested && callback.terminatedBatch == 1)
    }
}

@Suite struct OverfittingMonitorTests {
    @Test func warnsWritesANoteAndCanStopWhereValidationLossTurnsUp() throws {
        var warnings: [String] = []
        var notes: [(String, Int)] = []
        let monitor = try OverfittingMonitor(stopTraining: true) { notes.append(($0, $1)) }
        let context = TrainingContext(epochs: 20, warn: { warnings.append($0) })
        monitor.trainingWillBegin(context: context)
        let validation: [Double] = [1, 0.8, 0.65, 0.55, 0.5, 0.48, 0.47, 0.475, 0.49, 0.5, 0.52, 0.55]
        for (epoch, value) in validation.enumerated() where !context.isStopRequested {
            monitor.epochDidEnd(epoch, logs: ["loss": 1 / Double(epoch + 1), "val_loss": value], context: context)
        }
        #expect(monitor.detection?.onsetEpoch == 7)
        #expect(context.isStopRequested)
        #expect(warnings.count == 1 && warnings[0].hasPrefix("overfitting began at epoch 8"))
        #expect(notes.count == 1 && notes[0].1 == 9 && notes[0].0.hasPrefix("**Overfitting detected** at epoch 10."))
    }
}

@Suite struct TrainerTests {
    /// Records every hook call.
    final class Recorder: Callback {
        var calls: [String] = []
        var stopAfterBatch: (epoch: Int, batch: Int)?
        func trainingWillBegin(context: TrainingContext) { calls.append("begin") }
        func trainingDidEnd(logs: TrainingLogs, context: TrainingContext) { calls.append("end") }
        func epochWillBegin(_ epoch: Int, context: TrainingContext) { calls.append("epoch\(epoch)") }
        func epochDidEnd(_ epoch: Int, logs: TrainingLogs, context: TrainingContext) {
            calls.append("epoch\(epoch)-end " + logs.orderedMetricNames.joined(separator: ","))
        }
        func trainingBatchDidEnd(_ batch: Int, logs: TrainingLogs, context: TrainingContext) {
            calls.append("b\(batch)")
            if let stop = stopAfterBatch, stop == (context.epoch, batch) { context.requestStop(reason: "test") }
        }
        func validationWillBegin(context: TrainingContext) { calls.append("val") }
        func validationBatchDidEnd(_ batch: Int, logs: TrainingLogs, context: TrainingContext) {
            calls.append("v\(batch)")
        }
        func validationDidEnd(logs: TrainingLogs, context: TrainingContext) { calls.append("val-end") }
    }

    @Test func callsTheHooksInKerasOrderWithWeightedMeansAndPrefixedValidation() throws {
        let recorder = Recorder()
        let trainer = Trainer(metrics: { [BinaryAccuracy()] }, callbacks: [recorder])
        let history = try trainer.fit(
            epochs: 2,
            trainingBatches: 2,
            trainStep: { _, batch in
                try BatchResult(
                    loss: batch == 0 ? 1 : 4,
                    yTrue: [[1], [0], [1]].prefix(batch == 0 ? 1 : 3).map { $0 },
                    yPred: [[0.9], [0.8], [0.1]].prefix(batch == 0 ? 1 : 3).map { $0 }
                )
            },
            validationBatches: 1,
            validationStep: { _, _ in try BatchResult(loss: 0.5, yTrue: [[1]], yPred: [[0.7]]) }
        )
        #expect(
            recorder.calls == [
                "begin", "epoch0", "b0", "b1", "val", "v0", "val-end", "epoch0-end accuracy,loss,val_accuracy,val_loss",
                "epoch1", "b0", "b1", "val", "v0", "val-end", "epoch1-end accuracy,loss,val_accuracy,val_loss", "end",
            ]
        )
        // Loss weighted by batch size: (1·1 + 4·3) / 4; accuracy over the 4 samples: 2 of 4.
        #expect(history.logs[0] == ["loss": 3.25, "accuracy": 0.5, "val_loss": 0.5, "val_accuracy": 1])
        #expect(history.values(of: "val_loss") == [0.5, 0.5])
    }

    @Test func stopsAfterTheBatchInWhichACallbackAskedAndStillEndsTheEpoch() throws {
        let recorder = Recorder()
        recorder.stopAfterBatch = (1, 0)
        let trainer = Trainer(callbacks: [recorder])
        try trainer.fit(epochs: 5, trainingBatches: 3, trainStep: { _, _ in try BatchResult(loss: 1) })
        #expect(
            recorder.calls == [
                "begin", "epoch0", "b0", "b1", "b2", "epoch0-end loss", "epoch1", "b0", "epoch1-end loss", "end",
            ]
        )
    }

    @Test func endsTrainingCleanlyWhenAStepThrows() throws {
        struct Failure: Error {}
        let recorder = Recorder()
        let trainer = Trainer(callbacks: [recorder])
        #expect(throws: Failure.self) {
            try trainer.fit(
                epochs: 2,
                trainingBatches: 2,
                trainStep: { epoch, batch in
                    if epoch == 1 && batch == 1 { throw Failure() }
                    return try BatchResult(loss: 1)
                }
            )
        }
        #expect(recorder.calls.last == "end")
    }
}
