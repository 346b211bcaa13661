import Foundation
import TestSupport
import Testing

@testable import TensorBoardTraining

/// The logger's PR curves per class and its Custom Scalars layout of train against validation.
@Suite struct TensorBoardLoggerDashboardTests {
    let directory = TemporaryDirectory()

    /// Runs `epochs` epochs of one batch with a logger of `options`, validation reporting a loss; returns the
    /// log directory read back.
    private func train(epochs: Int, options: TensorBoardLogger.Options, stopAfter: Int? = nil) throws -> LogdirContents
    {
        let logdir = directory.path + "/run"
        final class StopAt: Callback {
            let epoch: Int?
            init(_ epoch: Int?) { self.epoch = epoch }
            func epochDidEnd(_ epoch: Int, logs: TrainingLogs, context: TrainingContext) {
                if epoch == self.epoch { context.requestStop(reason: "test") }
            }
        }
        let trainer = Trainer(callbacks: [TensorBoardLogger(logDirectory: logdir, options: options), StopAt(stopAfter)])
        _ = try trainer.fit(
            epochs: epochs,
            trainingBatches: 1,
            trainStep: { _, _ in try BatchResult(loss: 1) },
            validationBatches: 1,
            validationStep: { _, _ in try BatchResult(loss: 2) }
        )
        return try Logdir.read(logdir)
    }

    /// Three classes; labels 0, 1, 2, 1 with probabilities that rank them, one unusable row of each kind.
    static var classification: TensorBoardLogger.Classification {
        TensorBoardLogger.Classification(
            classNames: ["cat", "dog", "bird"],
            predictions: {
                (
                    [0, 1, 2, 1, 7, 0],
                    [[0.8, 0.1, 0.1], [0.2, 0.7, 0.1], [0.1, 0.3, 0.6], [0.5, 0.4, 0.1], [1, 0, 0], [1, 0]]
                )
            }
        )
    }

    @Test func writesAPRCurvePerClassOneAgainstTheRestAtTheChosenEpochsAndTheLast() throws {
        let log = try train(epochs: 5, options: .init(classification: Self.classification, classificationFrequency: 3))
        let validation = try #require(log.run(named: "validation"))
        for (index, name) in ["cat", "dog", "bird"].enumerated() {
            let points = validation.points("pr_curves/" + name)
            #expect(points.map(\.step) == [0, 3, 4], "\(name)")
            // The curve of that class against the rest, from the four usable rows.
            let labels = [0, 1, 2, 1].map { $0 == index }
            let rows: [[Double]] = [[0.8, 0.1, 0.1], [0.2, 0.7, 0.1], [0.1, 0.3, 0.6], [0.5, 0.4, 0.1]]
            let curve = try PRCurve(labels: labels, predictions: rows.map { $0[index] })
            guard case .tensor(let tensor) = points.last?.value else {
                Issue.record("no tensor for \(name)")
                continue
            }
            #expect(
                tensor.floatValues.prefix(curve.thresholdCount) == ArraySlice(curve.truePositives.map { Float($0) })
            )
        }
    }

    @Test func writesTheConfusionMatrixOfTheMostProbableClass() throws {
        let log = try train(epochs: 1, options: .init(classification: Self.classification))
        let validation = try #require(log.run(named: "validation"))
        #expect(validation.points("confusion_matrix").map(\.step) == [0])
        guard case .text(let texts, _) = validation.points("confusion_matrix_table").first?.value else {
            Issue.record("no table")
            return
        }
        // Rows true, columns predicted: cat→cat, dog→dog, bird→bird, and the second dog predicted cat (0.5).
        let table = texts.joined()
        #expect(table.contains("| cat | 1 | 0 | 0 |"), "\(table)")
        #expect(table.contains("| dog | 1 | 1 | 0 |"), "\(table)")
        #expect(table.contains("| bird | 0 | 0 | 1 |"), "\(table)")
    }

    @Test func writesTheEmbeddingAfterTheLastEpochForTheProjector() throws {
        let options = TensorBoardLogger.Options(
            embeddings: { .init(vectors: [[0, 1], [1, 0], [0.5, 0.5]], labels: ["a", "b", "c"]) }
        )
        _ = try train(epochs: 3, options: options)
        let run = directory.path + "/run/validation"
        let config = try String(contentsOfFile: run + "/projector_config.pbtxt", encoding: .utf8)
        #expect(config.contains("tensor_name: \"embedding:00002\""), "\(config)")
        let metadata = try String(contentsOfFile: run + "/00002/embedding/metadata.tsv", encoding: .utf8)
        #expect(metadata == "a\nb\nc\n")
    }

    @Test func aFrequencyOfZeroWritesOnlyAfterTheLastEpochEvenWhenStoppedEarly() throws {
        let log = try train(
            epochs: 9,
            options: .init(classification: Self.classification, classificationFrequency: 0),
            stopAfter: 2
        )
        #expect(log.run(named: "validation")?.points("pr_curves/dog").map(\.step) == [2])
    }

    @Test func theLayoutPutsEachMetricsTrainingAndValidationCurvesOnOneChart() throws {
        let logdir = directory.path + "/layout"
        let logger = TensorBoardLogger(logDirectory: logdir, options: .init(writesTrainValidationLayout: true))
        _ = try Trainer(metrics: { [BinaryAccuracy(), BinaryAccuracy(name: "z.score")] }, callbacks: [logger]).fit(
            epochs: 2,
            trainingBatches: 1,
            trainStep: { _, _ in try BatchResult(loss: 1, yTrue: [[1]], yPred: [[0.9]]) },
            validationBatches: 1,
            validationStep: { _, _ in try BatchResult(loss: 2, yTrue: [[1]], yPred: [[0.2]]) }
        )
        let log = try Logdir.read(logdir)
        let train = try #require(log.run(named: "train"))
        let point = try #require(train.points(CustomScalarLayout.tag).first)
        guard case .tensor(let tensor) = point.value, let bytes = tensor.stringValues.first else {
            Issue.record("no layout")
            return
        }
        let layout = try CustomScalarLayout(serializedBytes: bytes)
        #expect(layout.categories.map(\.title) == ["train against validation"])
        // The loss first, then the metrics by name, each drawing both runs' epoch_<metric>.
        #expect(
            layout.categories.first?.charts == [
                .multiline("loss", tagPatterns: ["^epoch_loss$"]),
                .multiline("accuracy", tagPatterns: ["^epoch_accuracy$"]),
                .multiline("z.score", tagPatterns: ["^epoch_z\\.score$"]),
            ]
        )
        #expect(train.points(CustomScalarLayout.tag).count == 1)
    }

    @Test(arguments: [
        ("loss", "loss"), ("f1.macro", "f1\\.macro"), ("a(b)+c", "a\\(b\\)\\+c"), ("x|y^$", "x\\|y\\^\\$"),
    ])
    func metricNamesAreEscapedForTheDashboardsRegularExpressions(name: String, pattern: String) throws {
        #expect(TensorBoardLogger.escaped(name) == pattern)
        #expect(try Regex(pattern).wholeMatch(in: name) != nil)
    }
}
