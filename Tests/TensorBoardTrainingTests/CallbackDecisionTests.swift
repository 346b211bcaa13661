import Foundation
import TestSupport
import Testing

@testable import TensorBoardTraining

/// A stand-in model for the scripted Keras sequences: its "weights" name the epoch they come from, and its
/// learning rate is a 32-bit float, like a Keras optimizer's.
private final class ScriptedModel {
    var epoch = 0
    var restoredEpoch: Int?
    var learningRate: Float
    var saved: [String] = []

    init(learningRate: Double) { self.learningRate = Float(learningRate) }

    var hooks: ModelHooks {
        ModelHooks(
            captureWeights: { self.epoch },
            restoreWeights: { self.restoredEpoch = $0 },
            save: { self.saved.append($0) },
            learningRate: { Double(self.learningRate) },
            setLearningRate: { self.learningRate = Float($0) }
        )
    }
}

/// Feeds a case's sequence to `callback` as Keras's loop would; returns the epoch training stopped after.
private func drive(
    _ callback: any Callback,
    _ testCase: CallbackCase,
    model: ScriptedModel,
    onEpoch: (Int) -> Void = { _ in }
) -> Int? {
    let context = TrainingContext(epochs: testCase.sequence.doubles.count, model: model.hooks, warn: { _ in })
    callback.trainingWillBegin(context: context)
    var stopped: Int?
    for (epoch, value) in testCase.sequence.doubles.enumerated() {
        model.epoch = epoch
        context.epoch = epoch
        callback.epochWillBegin(epoch, context: context)
        callback.epochDidEnd(epoch, logs: [testCase.monitor: value], context: context)
        onEpoch(epoch)
        if context.isStopRequested {
            stopped = epoch
            break
        }
    }
    callback.trainingDidEnd(logs: [:], context: context)
    return stopped
}

private func mode(_ testCase: CallbackCase) -> ImprovementRule.Mode {
    ImprovementRule.Mode(rawValue: testCase.string("mode") ?? "auto") ?? .auto
}

@Suite struct EarlyStoppingTests {
    @Test func stopsAndRestoresTheSameEpochsAsKeras() throws {
        let cases = callbackCases("early_stopping", root: packageRoot)
        #expect(cases.count >= 15)
        for testCase in cases where testCase.name != "nan_first" {  // (see aNaNFirstEpochIsNeverTheBest)
            let model = ScriptedModel(learningRate: 0.1)
            let callback = try EarlyStopping(
                monitor: testCase.monitor,
                minDelta: testCase.number("min_delta") ?? 0,
                patience: Int(testCase.number("patience") ?? 0),
                mode: mode(testCase),
                baseline: testCase.number("baseline"),
                restoreBestWeights: testCase.bool("restore_best_weights"),
                startFromEpoch: Int(testCase.number("start_from_epoch") ?? 0)
            )
            let stopped = drive(callback, testCase, model: model)
            #expect(stopped == testCase.stoppedEpoch, "\(testCase.name)")
            #expect(model.restoredEpoch == testCase.restoredEpoch, "\(testCase.name)")
        }
    }

    @Test func aNaNFirstEpochIsNeverTheBestAndItsWeightsAreNotCaptured() throws {
        let testCase = try #require(callbackCases("early_stopping", root: packageRoot).first { $0.name == "nan_first" })
        // Keras takes the NaN of epoch 0 as best: it stops after epoch 3 and restores epoch 0's weights.
        #expect(testCase.stoppedEpoch == 3 && testCase.bestEpoch == 0 && testCase.restoredEpoch == 0)
        let model = ScriptedModel(learningRate: 0.1)
        let callback = try EarlyStopping(patience: 3, restoreBestWeights: true)
        var bestEpochs: [Int?] = []
        let stopped = drive(callback, testCase, model: model) { _ in bestEpochs.append(callback.bestWeightsEpoch) }
        // Here the NaN epoch captures nothing; the falling loss improves every epoch after it.
        #expect(bestEpochs == [nil] + (1..<testCase.sequence.doubles.count).map { $0 })
        #expect(stopped == nil && callback.bestEpoch == 9)
        #expect(model.restoredEpoch == 9 && callback.restoredEpoch == 9)
    }

    @Test func restoresTheBestWeightsWhenAnotherCallbackEndsTraining() throws {
        let model = ScriptedModel(learningRate: 0.1)
        let stopping = try EarlyStopping(patience: 10, restoreBestWeights: true)
        let context = TrainingContext(epochs: 10, model: model.hooks, warn: { _ in })
        stopping.trainingWillBegin(context: context)
        for (epoch, loss) in [1.0, 0.5, 0.7].enumerated() {
            model.epoch = epoch
            stopping.epochDidEnd(epoch, logs: ["val_loss": loss], context: context)
        }
        stopping.trainingDidEnd(logs: [:], context: context)  // e.g. TerminateOnNaN stopped training
        #expect(model.restoredEpoch == 1)
    }

    @Test func continuesFromASavedState() throws {
        let first = try EarlyStopping(patience: 2)
        let model = ScriptedModel(learningRate: 0.1)
        let context = TrainingContext(epochs: 10, model: model.hooks, warn: { _ in })
        first.trainingWillBegin(context: context)
        for (epoch, loss) in [1.0, 0.5, 0.6].enumerated() {
            first.epochDidEnd(epoch, logs: ["val_loss": loss], context: context)
        }
        let resumed = try EarlyStopping(patience: 2, state: first.state)
        let resumedContext = TrainingContext(epochs: 10, model: model.hooks, warn: { _ in })
        resumed.trainingWillBegin(context: resumedContext)
        resumed.epochDidEnd(3, logs: ["val_loss": 0.55], context: resumedContext)
        #expect(resumedContext.isStopRequested)
        #expect(resumed.stoppedEpoch == 3 && resumed.bestEpoch == 1)
    }

    /// Runs `losses` from `firstEpoch` through a callback; the model's weights name their epoch.
    private func run(
        _ stopping: EarlyStopping,
        _ losses: [Double],
        from firstEpoch: Int = 0,
        model: ScriptedModel,
        warnings: inout [String]
    ) {
        var collected: [String] = []
        let context = TrainingContext(epochs: 10, model: model.hooks, warn: { collected.append($0) })
        stopping.trainingWillBegin(context: context)
        for (offset, loss) in losses.enumerated() where !context.isStopRequested {
            model.epoch = firstEpoch + offset
            stopping.epochDidEnd(firstEpoch + offset, logs: ["val_loss": loss], context: context)
        }
        stopping.trainingDidEnd(logs: [:], context: context)
        warnings += collected
    }

    @Test func aResumeWithoutTheBestWeightsRestoresNothingRatherThanTheWrongEpoch() throws {
        let model = ScriptedModel(learningRate: 0.1)
        var warnings: [String] = []
        let first = try EarlyStopping(patience: 2, restoreBestWeights: true)
        run(first, [1.0, 0.5, 0.6], model: model, warnings: &warnings)
        #expect(first.bestEpoch == 1 && first.bestWeightsEpoch == 1 && model.restoredEpoch == 1)

        model.restoredEpoch = nil
        let resumed = try EarlyStopping(patience: 2, restoreBestWeights: true, state: first.state)
        run(resumed, [0.55], from: 3, model: model, warnings: &warnings)
        #expect(resumed.stoppedEpoch == 3 && resumed.bestEpoch == 1)
        #expect(model.restoredEpoch == nil && resumed.restoredEpoch == nil)  // epoch 3's weights are not epoch 1's
        #expect(
            warnings.count == 1
                && warnings[0].hasPrefix("EarlyStopping cannot restore the weights of the best epoch (2)")
        )
    }

    @Test func aResumeWithTheBestWeightsRestoresThem() throws {
        let model = ScriptedModel(learningRate: 0.1)
        var warnings: [String] = []
        let first = try EarlyStopping(patience: 2, restoreBestWeights: true)
        run(first, [1.0, 0.5, 0.6], model: model, warnings: &warnings)
        let resumed = try EarlyStopping(
            patience: 2,
            restoreBestWeights: true,
            state: first.state,
            bestWeights: first.bestWeights
        )
        run(resumed, [0.55], from: 3, model: model, warnings: &warnings)
        #expect(model.restoredEpoch == 1 && resumed.restoredEpoch == 1 && warnings.isEmpty)
    }

    @Test func aResumeWithoutTheBestWeightsRestoresALaterBest() throws {
        let model = ScriptedModel(learningRate: 0.1)
        var warnings: [String] = []
        let first = try EarlyStopping(patience: 2, restoreBestWeights: true)
        run(first, [1.0, 0.5, 0.6], model: model, warnings: &warnings)
        let resumed = try EarlyStopping(patience: 2, restoreBestWeights: true, state: first.state)
        run(resumed, [0.4, 0.45, 0.5], from: 3, model: model, warnings: &warnings)
        #expect(resumed.stoppedEpoch == 5 && resumed.bestEpoch == 3)
        #expect(model.restoredEpoch == 3 && warnings.isEmpty)
    }

    @Test func warnsOnceWhenTheMonitoredMetricIsMissing() throws {
        var warnings: [String] = []
        let context = TrainingContext(epochs: 3, warn: { warnings.append($0) })
        let stopping = try EarlyStopping(monitor: "val_accuracy")
        stopping.trainingWillBegin(context: context)
        for epoch in 0..<3 { stopping.epochDidEnd(epoch, logs: ["loss": 1], context: context) }
        #expect(warnings == ["EarlyStopping monitors 'val_accuracy', which is not in the logs. Available: loss"])
    }

    @Test func rejectsAMetricWhoseDirectionItCannotTell() {
        #expect(throws: ImprovementRule.Error.self) { _ = try EarlyStopping(monitor: "val_widgets") }
    }
}

@Suite struct ReduceLROnPlateauTests {
    @Test func setsTheSameLearningRateAsKerasAfterEveryEpoch() throws {
        let cases = callbackCases("reduce_lr_on_plateau", root: packageRoot)
        #expect(cases.count >= 10)
        for testCase in cases {
            let model = ScriptedModel(learningRate: testCase.initialLearningRate.doubles.first ?? 0.1)
            let callback = try ReduceLROnPlateau(
                monitor: testCase.monitor,
                factor: testCase.number("factor") ?? 0.1,
                patience: Int(testCase.number("patience") ?? 10),
                mode: mode(testCase),
                minDelta: testCase.number("min_delta") ?? 1e-4,
                cooldown: Int(testCase.number("cooldown") ?? 0),
                minimumLearningRate: testCase.number("min_lr") ?? 0
            )
            var rates: [Double] = []
            _ = drive(callback, testCase, model: model) { _ in rates.append(Double(model.learningRate)) }
            #expect(rates == testCase.learningRateAfterEpoch.doubles, "\(testCase.name)")
        }
    }
}

extension ReduceLROnPlateauTests {
    @Test func addsTheEpochsLearningRateToTheLogsBeforeAnyCallbackSeesThem() throws {
        final class Seen: Callback {
            var logs: [TrainingLogs] = []
            func epochDidEnd(_ epoch: Int, logs: TrainingLogs, context: TrainingContext) { self.logs.append(logs) }
        }
        let seen = Seen()
        var rate = 0.5
        // The recorder comes first: it still sees learning_rate, which Keras puts in the shared logs.
        let trainer = Trainer(callbacks: [seen, try ReduceLROnPlateau(monitor: "loss", factor: 0.5, patience: 1)])
        let history = try trainer.fit(
            epochs: 3,
            trainingBatches: 1,
            trainStep: { _, _ in try BatchResult(loss: 1) },
            model: ModelHooks(learningRate: { rate }, setLearningRate: { rate = $0 })
        )
        // The rate each epoch trained with, before that epoch's reduction (the loss never improves after epoch 0).
        #expect(seen.logs.map { $0["learning_rate"] } == [0.5, 0.5, 0.25])
        #expect(history.values(of: "learning_rate") == [0.5, 0.5, 0.25])
        #expect(rate == 0.125)
    }
}

@Suite struct ModelCheckpointTests {
    let directory = TemporaryDirectory()

    @Test func savesAfterTheSameEpochsAsKeras() throws {
        let cases = callbackCases("model_checkpoint", root: packageRoot)
        #expect(cases.count >= 7)
        for testCase in cases {
            let model = ScriptedModel(learningRate: 0.1)
            var savedEpochs: [Int] = []
            let callback = try ModelCheckpoint(
                filePath: directory.path + "/\(testCase.name)/model_{epoch:02d}.json",
                monitor: testCase.monitor,
                saveBestOnly: testCase.bool("save_best_only"),
                mode: mode(testCase),
                best: testCase.number("initial_value_threshold"),
                save: { path in try Data("\(model.epoch)".utf8).write(to: URL(fileURLWithPath: path)) }
            )
            _ = drive(callback, testCase, model: model) { _ in savedEpochs = callback.savedEpochs }
            if testCase.name == "nan_first" {
                // Keras takes the NaN of epoch 0 as best and never saves again; NaN is never best here.
                #expect(testCase.savedEpochs == [0])
                #expect(savedEpochs == Array(1..<testCase.sequence.doubles.count))
            } else if testCase.name == "nan_values" {
                #expect(
                    savedEpochs == testCase.savedEpochs.filter { !testCase.sequence.doubles[$0].isNaN },
                    "\(testCase.name)"
                )
            } else {
                #expect(savedEpochs == testCase.savedEpochs, "\(testCase.name)")
            }
        }
    }

    @Test func namesFilesFromTheTemplateAndReplacesThemWhole() throws {
        let checkpoint = try ModelCheckpoint(
            filePath: directory.path + "/ckpt/model-{epoch:02d}-{val_loss:.4f}.json",
            saveBestOnly: true,
            save: { path in try Data("weights".utf8).write(to: URL(fileURLWithPath: path)) }
        )
        let context = TrainingContext(epochs: 3, warn: { _ in })
        checkpoint.trainingWillBegin(context: context)
        checkpoint.epochDidEnd(0, logs: ["val_loss": 0.123456], context: context)
        checkpoint.epochDidEnd(1, logs: ["val_loss": 0.2], context: context)
        #expect(checkpoint.savedPaths == [directory.path + "/ckpt/model-01-0.1235.json"])
        let files = try FileManager.default.contentsOfDirectory(atPath: directory.path + "/ckpt")
        #expect(files == ["model-01-0.1235.json"])  // no temporary file left behind
    }

    @Test func aFailedSaveIsAWarningNotTheEndOfTraining() throws {
        var warnings: [String] = []
        struct DiskFull: Error {}
        let checkpoint = try ModelCheckpoint(
            filePath: directory.path + "/x-{epoch}.bin",
            save: { _ in throw DiskFull() }
        )
        let context = TrainingContext(epochs: 1, warn: { warnings.append($0) })
        checkpoint.trainingWillBegin(context: context)
        checkpoint.epochDidEnd(0, logs: ["val_loss": 1], context: context)
        #expect(checkpoint.savedEpochs.isEmpty)
        #expect(warnings.count == 1 && warnings[0].hasPrefix("ModelCheckpoint could not save after epoch 1"))
        #expect(!context.isStopRequested)
    }

    @Test func aResumedRunKeepsTheInterruptedRunsBest() throws {
        let checkpoint = try ModelCheckpoint(
            filePath: directory.path + "/r-{epoch}.bin",
            saveBestOnly: true,
            best: 0.3,
            save: { try Data([1]).write(to: URL(fileURLWithPath: $0)) }
        )
        let context = TrainingContext(epochs: 5, warn: { _ in })
        checkpoint.trainingWillBegin(context: context)
        checkpoint.epochDidEnd(3, logs: ["val_loss": 0.4], context: context)
        checkpoint.epochDidEnd(4, logs: ["val_loss": 0.25], context: context)
        #expect(checkpoint.savedEpochs == [4])
        #expect(checkpoint.best == 0.25)
    }
}
