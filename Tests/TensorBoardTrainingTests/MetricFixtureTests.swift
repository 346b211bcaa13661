import Foundation
import TestSupport
import Testing

@testable import TensorBoardTraining

// Keras computes in float32, so its values are matched within 2 float32 ulps (PR AUC 24; see `matchesFloat32`).

/// Our metric for a Keras result: the metric, the inputs it takes, and how to read the values Keras recorded
/// (one, or one per threshold or class).
private struct KerasSubject {
    var metric: any Metric
    var yTrue: [[Double]]
    var yPred: [[Double]]
    var read: () -> [Double]

    init(_ metric: any Metric, _ yTrue: [[Double]], _ yPred: [[Double]], read: (() -> [Double])? = nil) {
        self.metric = metric
        self.yTrue = yTrue
        self.yPred = yPred
        self.read = read ?? { [metric.result] }
    }
}

private func f1Average(_ result: MetricFile.Result) -> F1Score.Average {
    switch result.string("average") {
    case "micro"?: return .micro
    case "macro"?: return .macro
    case "weighted"?: return .weighted
    default: return .none
    }
}

private func thresholds(_ result: MetricFile.Result) -> [Double] {
    switch result.config["thresholds"] {
    case .number(let value)?: return [value]
    case .numbers(let values)?: return values
    default: return [0.5]
    }
}

/// Keras's `Precision`/`Recall(top_k=1[, class_id=c])`: the top-1 class is the prediction, so they are the
/// micro-averaged (or one class's) multi-class scores.
private func multiclass(_ result: MetricFile.Result, _ yTrue: [[Double]], _ yPred: [[Double]]) throws -> KerasSubject? {
    guard result.number("top_k") == 1, let classCount = yPred.first?.count else { return nil }
    let classID = result.number("class_id").map(Int.init)
    if result.metric == "Precision" {
        let metric = try MulticlassPrecision(classCount: classCount, average: .micro)
        return KerasSubject(metric, yTrue, yPred) { classID.map { [metric.perClass[$0]] } ?? [metric.result] }
    }
    let metric = try MulticlassRecall(classCount: classCount, average: .micro)
    return KerasSubject(metric, yTrue, yPred) { classID.map { [metric.perClass[$0]] } ?? [metric.result] }
}

private func kerasSubject(_ result: MetricFile.Result, _ testCase: MetricFile.Case) throws -> KerasSubject? {
    guard let yPred = testCase.inputs["y_pred"]?.rows else { return nil }
    let yTrue = testCase.inputs["y_true"]?.rows ?? []
    let labels = testCase.inputs["labels"]?.rows ?? []
    let k = result.number("k").map(Int.init) ?? 5
    switch result.metric {
    case "BinaryAccuracy":
        return KerasSubject(BinaryAccuracy(threshold: result.number("threshold") ?? 0.5), yTrue, yPred)
    case "Precision" where result.config["top_k"] != nil, "Recall" where result.config["top_k"] != nil:
        return try multiclass(result, yTrue, yPred)
    case "Precision":
        let metric = try Precision(thresholds: thresholds(result))
        return KerasSubject(metric, yTrue, yPred) { metric.results }
    case "Recall":
        let metric = try Recall(thresholds: thresholds(result))
        return KerasSubject(metric, yTrue, yPred) { metric.results }
    case "F1Score":
        let metric = F1Score(average: f1Average(result), threshold: result.number("threshold"))
        return KerasSubject(metric, yTrue, yPred) { metric.average == .none ? metric.results : [metric.result] }
    case "AUC":
        let curve: AUC.Curve = result.string("curve") == "PR" ? .precisionRecall : .roc
        let count = result.number("num_thresholds").map(Int.init) ?? 200
        return KerasSubject(try AUC(curve: curve, numThresholds: count), yTrue, yPred)
    case "CategoricalAccuracy": return KerasSubject(CategoricalAccuracy(), yTrue, yPred)
    case "SparseCategoricalAccuracy": return KerasSubject(SparseCategoricalAccuracy(), labels, yPred)
    case "SparseTopKCategoricalAccuracy": return KerasSubject(try SparseTopKCategoricalAccuracy(k: k), labels, yPred)
    case "TopKCategoricalAccuracy": return KerasSubject(try TopKCategoricalAccuracy(k: k), yTrue, yPred)
    case "CategoricalCrossentropy": return KerasSubject(CategoricalCrossentropy(), yTrue, yPred)
    case "MeanAbsoluteError": return KerasSubject(MeanAbsoluteError(), yTrue, yPred)
    case "MeanSquaredError": return KerasSubject(MeanSquaredError(), yTrue, yPred)
    default: return nil
    }
}

@Suite struct MetricFixtureTests {
    @Test(arguments: ["binary", "categorical", "regression"])
    func matchesKerasBatchByBatch(family: String) throws {
        let cases = MetricFile.load(family)
        #expect(!cases.isEmpty)
        var compared = 0
        for testCase in cases {
            for result in testCase.results where result.library == "keras" {
                if result.metric == "Mean", let losses = result.batchLosses?.values {
                    let mean = Mean()
                    for (batch, loss) in zip(testCase.batches, losses) {
                        mean.update(loss, weight: Double(batch[1] - batch[0]))
                    }
                    #expect(matchesFloat32(mean.result, result.value?.values.first ?? .nan), "\(testCase.name) Mean")
                    compared += 1
                    continue
                }
                guard let subject = try kerasSubject(result, testCase), let expected = result.value?.values else {
                    Issue.record(
                        "\(family)/\(testCase.name): no comparison for Keras's \(result.metric) \(result.config)"
                    )
                    continue
                }
                compare(subject, with: result, expected: expected, in: testCase, family: family)
                compared += 1
            }
        }
        #expect(compared == ["binary": 126, "categorical": 109, "regression": 6][family])  // every Keras result
    }

    private func compare(
        _ subject: KerasSubject,
        with result: MetricFile.Result,
        expected: [Double],
        in testCase: MetricFile.Case,
        family: String
    ) {
        let label = "\(family)/\(testCase.name) \(result.metric) \(result.config)"
        // Keras's PR area computes `TP − slope · P` in float32, which cancels: 18 ulps off on categorical/random,
        // where the same formula in float64 gives our value to 1e-16.
        let ulps = result.metric == "AUC" && result.string("curve") == "PR" ? 24.0 : 2
        let matches = { (ours: [Double], keras: [Double]) in
            ours.count == keras.count && zip(ours, keras).allSatisfy { matchesFloat32($0, $1, ulps: ulps) }
        }
        let weights = testCase.inputs["sample_weight"]?.values
        for (index, batch) in testCase.batches.enumerated() {
            let range = batch[0]..<batch[1]
            subject.metric.update(
                yTrue: Array(subject.yTrue[range]),
                yPred: Array(subject.yPred[range]),
                sampleWeight: weights.map { Array($0[range]) }
            )
            if let after = result.afterEachBatch?[index].values {
                let ours = subject.read()
                #expect(matches(ours, after), "\(label) after batch \(index): \(ours) vs \(after)")
            }
        }
        let ours = subject.read()
        #expect(matches(ours, expected), "\(label): \(ours) vs \(expected)")
        subject.metric.reset()
        #expect(subject.metric.result == 0, "\(result.metric) after reset")
    }

    @Test func emptyDenominatorsGiveZeroNotNaN() throws {
        let precision = try Precision()
        precision.update(yTrue: [1.0, 0], yPred: [0.1, 0.2])
        #expect(precision.result == 0)
        let recall = try Recall()
        recall.update(yTrue: [0.0, 0], yPred: [0.9, 0.2])
        #expect(recall.result == 0)
        #expect(Mean().result == 0)
        #expect(F1Score().result == 0)
        #expect(F1Score(average: .weighted).result == 0)
        #expect(try AUC().result == 0)
        #expect(try MulticlassPrecision(classCount: 3).result == 0)
        #expect(try MulticlassRecall(classCount: 3, average: .weighted).result == 0)
        #expect(AUC.exactROC(labels: [0, 0], scores: [0.1, 0.2]) == nil)
        #expect(AUC.averagePrecision(labels: [0, 0], scores: [0.1, 0.2]) == 0)
    }
}
