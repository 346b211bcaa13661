import Foundation
import TestSupport
import Testing

@testable import TensorBoardTraining

/// The code of the DocC "Getting started" article (TensorBoardTraining.docc/GettingStarted.md), run as a test so
/// the article stays true. Only the paths (under a temporary directory) and the progress output differ.
@Suite struct GettingStartedTests {
    let directory = TemporaryDirectory()

    @Test func theArticlesTrainerAndHandWrittenLoopWork() throws {
        let runs = directory.path + "/runs"
        var printed: [String] = []
        let progress = { (text: String) in printed.append(text) }

        struct Model { var weights = [0.0, 0.0], bias = 0.0 }
        var model = Model()
        var learningRate = 0.5
        let samples: [(x: [Double], y: Double)] = (0..<200).map { index in
            let x = [Double(index % 20) / 10 - 1, Double(index / 20) / 5 - 1]
            return (x, x[0] + x[1] > 0 ? 1 : 0)
        }
        let training = Array(samples.prefix(160))
        let validation = Array(samples.suffix(40))

        func step(_ batch: ArraySlice<(x: [Double], y: Double)>, learns: Bool) throws -> BatchResult {
            var loss = 0.0
            var gradient = Model()
            var probabilities: [[Double]] = []
            for (x, y) in batch {
                let p = 1 / (1 + exp(-(model.weights[0] * x[0] + model.weights[1] * x[1] + model.bias)))
                loss -= y * log(max(p, 1e-12)) + (1 - y) * log(max(1 - p, 1e-12))
                gradient.weights[0] += (p - y) * x[0]
                gradient.weights[1] += (p - y) * x[1]
                gradient.bias += p - y
                probabilities.append([p])
            }
            let count = Double(batch.count)
            if learns {
                model.weights[0] -= learningRate * gradient.weights[0] / count
                model.weights[1] -= learningRate * gradient.weights[1] / count
                model.bias -= learningRate * gradient.bias / count
            }
            return try BatchResult(loss: loss / count, yTrue: batch.map { [$0.y] }, yPred: probabilities)
        }

        let logger = TensorBoardLogger(
            logDirectory: runs + "/quickstart",
            options: .init(batchFrequency: 2, hparams: ["learning_rate": learningRate])
        )
        let stopping = try EarlyStopping(
            monitor: "val_loss",
            patience: 3,
            restoreBestWeights: true,
            smoothing: StreamingSmoother()
        )
        let trainer = Trainer(
            metrics: { try [BinaryAccuracy(), AUC()] },
            callbacks: [
                ProgressBar(output: progress), logger, stopping,
                try ModelCheckpoint(
                    filePath: runs + "/quickstart/best-{epoch:02d}-{val_loss:.4f}.txt",
                    saveBestOnly: true
                ),
                try ReduceLROnPlateau(monitor: "val_loss", factor: 0.5, patience: 2),
                CSVLogger(path: runs + "/quickstart/training.csv"),
            ]
        )
        let history = try trainer.fit(
            epochs: 30,
            trainingBatches: 5,
            trainStep: { _, batch in
                try step(training[(batch * 32)..<min(batch * 32 + 32, training.count)], learns: true)
            },
            validationBatches: 1,
            validationStep: { _, _ in try step(validation[...], learns: false) },
            model: ModelHooks(
                captureWeights: { model },
                restoreWeights: { model = $0 },
                save: { path in try "\(model)".write(toFile: path, atomically: false, encoding: .utf8) },
                learningRate: { learningRate },
                setLearningRate: { learningRate = $0 }
            )
        )

        // The model learns the line, the logs and files are there, and the best weights are back.
        let accuracy = try #require(history.values(of: "val_accuracy").last ?? nil)
        #expect(accuracy >= 0.9)
        #expect(stopping.restoredEpoch != nil && stopping.restoredEpoch == stopping.bestEpoch)
        let csv = try String(contentsOfFile: runs + "/quickstart/training.csv", encoding: .utf8)
        #expect(
            csv.components(separatedBy: "\r\n").first
                == "epoch,accuracy,auc,learning_rate,loss,val_accuracy,val_auc,val_loss"
        )
        let files = try FileManager.default.contentsOfDirectory(atPath: runs + "/quickstart")
        #expect(files.contains { $0.hasPrefix("best-") } && files.contains("train") && files.contains("validation"))
        #expect(printed.filter { $0.hasPrefix("Epoch ") }.count == history.epochs.count)

    }

    @Test func theArticlesHandWrittenLoopWorks() throws {
        let runs = directory.path + "/runs"
        var printed: [String] = []
        let progress = { (text: String) in printed.append(text) }
        var weight = 0.0
        var learningRate = 0.5
        let points = (0..<200).map { Double($0) / 200 }
        let training = points[..<160]
        let validation = points[160...]

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

        let callbacks = CallbackList([
            ProgressBar(output: progress), TensorBoardLogger(logDirectory: runs + "/by-hand"),
            try ReduceLROnPlateau(monitor: "val_loss", factor: 0.5, patience: 2),
        ])
        let context = TrainingContext(
            epochs: 30,
            stepsPerEpoch: 5,
            model: ModelHooks(learningRate: { learningRate }, setLearningRate: { learningRate = $0 })
        )
        var epochsRun = 0
        var lastLogs: TrainingLogs = [:]
        callbacks.trainingWillBegin(context: context)
        for epoch in 0..<30 {
            context.epoch = epoch
            callbacks.epochWillBegin(epoch, context: context)
            let loss = Mean()
            for batch in 0..<5 {
                let result = try step(training[(batch * 32)..<(batch * 32 + 32)], learns: true)
                loss.update(result.loss, weight: Double(result.size))
                context.globalStep += 1
                callbacks.trainingBatchDidEnd(batch, logs: ["loss": loss.result], context: context)
            }
            var logs: TrainingLogs = ["loss": loss.result, "val_loss": try step(validation[...], learns: false).loss]
            callbacks.epochWillEnd(epoch, logs: &logs, context: context)
            callbacks.epochDidEnd(epoch, logs: logs, context: context)
            epochsRun += 1
            lastLogs = logs
            try context.checkFailure()
            if context.isStopRequested { break }
        }
        callbacks.trainingDidEnd(logs: [:], context: context)
        try context.checkFailure()
        #expect(epochsRun == 30 && context.globalStep == 150)
        #expect(lastLogs["learning_rate"] == learningRate || lastLogs["learning_rate"] == learningRate * 2)
        #expect(try FileManager.default.contentsOfDirectory(atPath: runs + "/by-hand/train").count == 1)
        #expect(abs(weight - 2) < 0.5)  // it learned
        #expect(printed.filter { $0.hasPrefix("Epoch ") }.count == 30)
    }
}
