import Foundation
import TestSupport
import Testing

@testable import TensorBoardTraining

/// Every series of every run under `logdir`, read back with our reader: run → tag → (plugin, points).
private func readBack(_ logdir: String) throws -> [String: [String: (plugin: String, points: [DataPoint])]] {
    var result: [String: [String: (plugin: String, points: [DataPoint])]] = [:]
    for run in try Logdir.discoverRuns(in: logdir).runs {
        var decoder = RunDecoder()
        var points: [DataPoint] = []
        for file in run.files {
            var reader = try EventFileReader(path: file)
            while let record = try reader.readRecord({ _, payload in
                _ = try? decoder.decode(payload) { points.append($0) }
            }) { _ = record }
        }
        var series: [String: (plugin: String, points: [DataPoint])] = [:]
        for info in decoder.series { series[info.tag] = (info.pluginName, points.filter { $0.tag == info.tag }) }
        result[run.name] = series
    }
    return result
}

/// The (tag, plugin) pairs of each run of the Keras fixture log, as TensorBoard's Python loader exported them.
private func kerasTags() throws -> [String: Set<String>] {
    struct Expected: Decodable {
        struct Series: Decodable { var plugin: String }
        var runs: [String: [String: Series]]
    }
    let url = URL(fileURLWithPath: packageRoot + "/fixtures/peers/expected/keras_fit.json")
    let expected = try JSONDecoder().decode(Expected.self, from: Data(contentsOf: url))
    return expected.runs.mapValues { Set($0.map { "\($0.key) (\($0.value.plugin))" }) }
}

@Suite struct TensorBoardLoggerTests {
    let directory = TemporaryDirectory()

    /// Trains a Keras-shaped run: 3 epochs of 4 batches, batch logging every 2, weight histograms every epoch.
    private func trainKerasShapedRun(options: TensorBoardLogger.Options) throws -> TensorBoardLogger {
        var learningRate = 0.01
        let logger = TensorBoardLogger(logDirectory: directory.path + "/run", options: options)
        let trainer = Trainer(metrics: { [BinaryAccuracy()] }, callbacks: [logger])
        try trainer.fit(
            epochs: 3,
            trainingBatches: 4,
            trainStep: { epoch, batch in
                try BatchResult(loss: 1 / Double(epoch * 4 + batch + 1), yTrue: [[1], [0]], yPred: [[0.9], [0.4]])
            },
            validationBatches: 2,
            validationStep: { epoch, _ in try BatchResult(loss: 0.5 / Double(epoch + 1), yTrue: [[1]], yPred: [[0.3]])
            },
            model: ModelHooks(learningRate: { learningRate }, setLearningRate: { learningRate = $0 })
        )
        return logger
    }

    @Test func writesTheSameRunsAndTagsAsKerasTensorBoardCallback() throws {
        let weights: () -> [String: [Float]] = {
            [
                "tiny/hidden/kernel": [0.1, -0.2, 0.3], "tiny/hidden/bias": [0], "tiny/out/kernel": [0.5, 0.25],
                "tiny/out/bias": [0.1],
            ]
        }
        _ = try trainKerasShapedRun(
            options: .init(batchFrequency: 2, monitoredMetrics: [], histogramFrequency: 1, weights: weights)
        )
        let ours = try readBack(directory.path + "/run")
        var keras = try kerasTags()
        // Keras also writes its model's JSON (tag `keras`, plugin graph_keras_model): a Swift model has none.
        keras["train"]?.remove("keras (graph_keras_model)")
        #expect(Set(ours.keys) == ["train", "validation"])
        for run in ["train", "validation"] {
            let tags = Set((ours[run] ?? [:]).map { "\($0.key) (\($0.value.plugin))" })
            #expect(tags == keras[run], "\(run): ours \(tags.sorted()) keras \((keras[run] ?? []).sorted())")
        }
        let train = try #require(ours["train"])
        #expect(train["epoch_loss"]?.points.map(\.step) == [0, 1, 2])
        #expect(train["batch_loss"]?.points.map(\.step) == [2, 4, 6, 8, 10, 12])
        #expect(
            train["epoch_learning_rate"]?.points.map(\.value) == [.scalar(Double(Float(0.01)))]
                + Array(repeating: .scalar(Double(Float(0.01))), count: 2)
        )
        #expect(train["epoch_accuracy"]?.points.first?.value == .scalar(1))
        let validation = try #require(ours["validation"])
        #expect(
            validation["epoch_loss"]?.points.map(\.value) == [0.5, 0.25, 0.5 / 3].map { .scalar(Double(Float($0))) }
        )
        #expect(validation["evaluation_loss_vs_iterations"]?.points.map(\.step) == [4, 8, 12])
        #expect(train["tiny/out/kernel/histogram"]?.points.count == 3)
    }

    @Test func writesHParamsBestValuesAndTheConfigurationInTheLogDirectoryRun() throws {
        _ = try trainKerasShapedRun(
            options: .init(
                hparams: ["learning_rate": 0.01, "optimizer": "sgd"],
                configuration: "| option | value |\n| --- | --- |\n| batch | 2 |"
            )
        )
        let ours = try readBack(directory.path + "/run")
        let root = try #require(ours["."])
        #expect(
            Set(root.keys) == [
                "_hparams_/experiment", "_hparams_/session_start_info", "_hparams_/session_end_info", "best_val_loss",
                "configuration",
            ]
        )
        #expect(root["best_val_loss"]?.points.map(\.value) == [0.5, 0.25, 0.5 / 3].map { .scalar(Double(Float($0))) })
        guard case .hparams(let data)? = root["_hparams_/experiment"]?.points.first?.value,
            case .experiment(let experiment) = data.data
        else {
            Issue.record("no experiment")
            return
        }
        #expect(experiment.metricInfos.map { "\($0.group)/\($0.tag)" } == ["validation/epoch_loss", "/best_val_loss"])
        #expect(experiment.hparamInfos.map(\.name) == ["learning_rate", "optimizer"])
        #expect(
            root["configuration"]?.points.first?.value
                == .text(["| option | value |\n| --- | --- |\n| batch | 2 |"], shape: [])
        )
    }

    @Test func flushesEveryRunAtTheEndOfEveryEpoch() throws {
        let run = directory.path + "/flushed"
        let logger = TensorBoardLogger(logDirectory: run, options: .init(hparams: ["lr": 0.1]))
        let context = TrainingContext(epochs: 3, warn: { Issue.record("warning: \($0)") })
        logger.trainingWillBegin(context: context)
        for epoch in 0..<3 {
            logger.epochWillBegin(epoch, context: context)
            logger.epochDidEnd(epoch, logs: ["loss": 1 / Double(epoch + 1), "val_loss": 2], context: context)
            // Read back while the writers are still open: the epoch's scalars must already be in the files.
            let ours = try readBack(run)
            #expect(ours["train"]?["epoch_loss"]?.points.map(\.step) == Array(0...Int64(epoch)), "epoch \(epoch)")
            #expect(ours["validation"]?["epoch_loss"]?.points.count == epoch + 1, "epoch \(epoch)")
            #expect(ours["."]?["best_val_loss"]?.points.count == epoch + 1, "epoch \(epoch)")
        }
        logger.trainingDidEnd(logs: [:], context: context)
    }

    @Test func stepsPerSecondCountTheBatchesActuallyRun() throws {
        let run = directory.path + "/speed"
        var time = 100.0
        let logger = TensorBoardLogger(logDirectory: run, options: .init(monitoredMetrics: []))
        logger.clock = { time }
        // Ten batches planned, but the epoch is cut short after three, in four seconds.
        let planned = TrainingContext(epochs: 2, stepsPerEpoch: 10, warn: { _ in })
        logger.trainingWillBegin(context: planned)
        logger.epochWillBegin(0, context: planned)
        for batch in 0..<3 {
            planned.globalStep += 1
            logger.trainingBatchDidEnd(batch, logs: ["loss": 1], context: planned)
        }
        time = 104
        logger.epochDidEnd(0, logs: ["loss": 1], context: planned)
        // A hand-written loop: no planned count, no epochWillBegin; two batches in two seconds.
        let unplanned = TrainingContext(epochs: 2, warn: { _ in })
        for batch in 0..<2 { logger.trainingBatchDidEnd(batch, logs: ["loss": 1], context: unplanned) }
        time = 106
        logger.epochDidEnd(1, logs: ["loss": 1], context: unplanned)
        logger.trainingDidEnd(logs: [:], context: unplanned)
        let speeds = try readBack(run)["train"]?["epoch_steps_per_second"]?.points.map(\.value)
        #expect(speeds == [.scalar(0.75), .scalar(1)])
    }

    @Test func aLogDirectoryThatCannotBeCreatedIsAWarningNotAFailure() throws {
        let blocker = directory.path + "/blocker"
        #expect(FileManager.default.createFile(atPath: blocker, contents: Data()))
        var warnings: [String] = []
        let logger = TensorBoardLogger(logDirectory: blocker + "/logs")
        let context = TrainingContext(epochs: 1, warn: { warnings.append($0) })
        logger.trainingWillBegin(context: context)
        logger.epochDidEnd(0, logs: ["loss": 1], context: context)
        logger.trainingDidEnd(logs: [:], context: context)
        #expect(warnings.count == 1 && warnings[0].contains("could not write"))
        #expect(!context.isStopRequested)
    }
}
