import Foundation
import TestSupport
import Testing

@testable import TensorBoardTraining

// fixtures/metrics/*.json: inputs, batch slices, and the values real Keras 3 metrics and scikit-learn gave for
// them (scripts/make_training_fixtures.py). Keras computes in float32, so its values are matched within float32
// rounding; scikit-learn computes in float64 and is matched to 1e-12.

private struct MetricFile: Decodable {
    struct Case: Decodable {
        var name: String
        var inputs: [String: FixtureTensor]
        var batches: [[Int]]
        var results: [Result]
    }

    struct Result: Decodable {
        var library: String
        var metric: String
        var config: [String: Config]
        var value: FixtureTensor?
        var afterEachBatch: [FixtureTensor]?
        var batchLosses: FixtureTensor?
        var input: String?

        enum CodingKeys: String, CodingKey {
            case library, metric, config, value, input
            case afterEachBatch = "after_each_batch"
            case batchLosses = "batch_losses"
        }
    }

    enum Config: Decodable {
        case number(Double)
        case numbers([Double])
        case string(String)
        case other

        init(from decoder: Decoder) throws {
            let container = try decoder.singleValueContainer()
            if let number = try? container.decode(Double.self) {
                self = .number(number)
            } else if let numbers = try? container.decode([Double].self) {
                self = .numbers(numbers)
            } else if let string = try? container.decode(String.self) {
                self = .string(string)
            } else {
                self = .other
            }
        }
    }

    var cases: [Case]
}

private func load(_ family: String) -> [MetricFile.Case] {
    let url = URL(fileURLWithPath: packageRoot + "/fixtures/metrics/\(family).json")
    return (try? JSONDecoder().decode(MetricFile.self, from: Data(contentsOf: url)).cases) ?? []
}

/// Our metric for a Keras result, and the inputs it takes.
private func kerasMetric(
    _ result: MetricFile.Result,
    _ testCase: MetricFile.Case
) -> (any Metric, [[Double]], [[Double]])? {
    let inputs = testCase.inputs
    guard let yTrue = inputs["y_true"], let yPred = inputs["y_pred"] else { return nil }
    func thresholds() -> [Double] {
        switch result.config["thresholds"] {
        case .number(let value)?: return [value]
        case .numbers(let values)?: return values
        default: return [0.5]
        }
    }
    func average() -> F1Score.Average {
        switch result.config["average"] {
        case .string("micro")?: return .micro
        case .string("macro")?: return .macro
        case .string("weighted")?: return .weighted
        default: return .none
        }
    }
    let threshold: Double? = {
        if case .number(let value)? = result.config["threshold"] { return value }
        return nil
    }()
    let labels = inputs["labels"]?.rows ?? []
    switch result.metric {
    case "BinaryAccuracy": return (BinaryAccuracy(threshold: threshold ?? 0.5), yTrue.rows, yPred.rows)
    case "Precision": return (Precision(thresholds: thresholds()), yTrue.rows, yPred.rows)
    case "Recall": return (Recall(thresholds: thresholds()), yTrue.rows, yPred.rows)
    case "F1Score": return (F1Score(average: average(), threshold: threshold), yTrue.rows, yPred.rows)
    case "AUC":
        let curve: AUC.Curve = {
            if case .string("PR")? = result.config["curve"] { return .precisionRecall }
            return .roc
        }()
        return (AUC(curve: curve), yTrue.rows, yPred.rows)
    case "CategoricalAccuracy": return (CategoricalAccuracy(), yTrue.rows, yPred.rows)
    case "SparseCategoricalAccuracy": return (SparseCategoricalAccuracy(), labels, yPred.rows)
    case "SparseTopKCategoricalAccuracy":
        let k: Int = {
            if case .number(let value)? = result.config["k"] { return Int(value) }
            return 5
        }()
        return (SparseTopKCategoricalAccuracy(k: k), labels, yPred.rows)
    case "CategoricalCrossentropy": return (CategoricalCrossentropy(), yTrue.rows, yPred.rows)
    case "MeanAbsoluteError": return (MeanAbsoluteError(), yTrue.rows, yPred.rows)
    case "MeanSquaredError": return (MeanSquaredError(), yTrue.rows, yPred.rows)
    default: return nil
    }
}

/// The values a metric gives for comparison with a Keras result (several for multi-threshold or per-class).
private func values(of metric: any Metric, count: Int) -> [Double] {
    if count > 1, let precision = metric as? Precision { return precision.results }
    if count > 1, let recall = metric as? Recall { return recall.results }
    if count > 1, let f1 = metric as? F1Score { return f1.results }
    return [metric.result]
}

@Suite struct MetricFixtureTests {
    @Test(arguments: ["binary", "categorical", "regression"])
    func matchesKerasBatchByBatch(family: String) {
        let cases = load(family)
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
                guard let (metric, yTrue, yPred) = kerasMetric(result, testCase), let expected = result.value?.values
                else {
                    Issue.record("\(family)/\(testCase.name): no metric for \(result.metric)")
                    continue
                }
                let weights = testCase.inputs["sample_weight"]?.values
                let matches = { (ours: Double, keras: Double) in
                    matchesFloat32(ours, keras, ulps: result.metric == "AUC" ? 8 : 2)
                }
                for (index, batch) in testCase.batches.enumerated() {
                    let range = batch[0]..<batch[1]
                    metric.update(
                        yTrue: Array(yTrue[range]),
                        yPred: Array(yPred[range]),
                        sampleWeight: weights.map { Array($0[range]) }
                    )
                    if let after = result.afterEachBatch?[index].values {
                        let ours = values(of: metric, count: after.count)
                        #expect(
                            ours.count == after.count && zip(ours, after).allSatisfy(matches),
                            "\(family)/\(testCase.name) \(result.metric) \(result.config) after batch \(index): \(ours) vs \(after)"
                        )
                    }
                }
                let ours = values(of: metric, count: expected.count)
                #expect(
                    ours.count == expected.count && zip(ours, expected).allSatisfy(matches),
                    "\(family)/\(testCase.name) \(result.metric) \(result.config): \(ours) vs \(expected)"
                )
                metric.reset()
                #expect(metric.result == 0, "\(result.metric) after reset")
                compared += 1
            }
        }
        #expect(compared >= cases.count * 2)
    }

    @Test func matchesScikitLearnExactly() {
        var compared = 0
        for family in ["binary", "categorical"] {
            for testCase in load(family) {
                guard let yTrue = testCase.inputs["y_true"], let yPred = testCase.inputs["y_pred"] else { continue }
                for result in testCase.results where result.library == "sklearn" {
                    let threshold: Double = {
                        if case .number(let value)? = result.config["threshold"] { return value }
                        return 0.5
                    }()
                    let classCount = family == "binary" ? 2 : (yPred.shape.last ?? 2)
                    let matrix = ConfusionMatrix(classCount: classCount, threshold: threshold)
                    matrix.update(
                        yTrue: family == "binary" ? yTrue.rows : testCase.inputs["labels"]?.rows ?? [],
                        yPred: yPred.rows
                    )
                    let average: String? = {
                        if case .string(let value)? = result.config["average"] { return value }
                        return nil
                    }()
                    let ours: [Double]?
                    switch (result.metric, average) {
                    case ("accuracy_score", _): ours = [matrix.accuracy]
                    case ("precision_score", _): ours = [matrix.precision(ofClass: 1)]
                    case ("recall_score", _): ours = [matrix.recall(ofClass: 1)]
                    case ("f1_score", "binary"?): ours = [matrix.f1(ofClass: 1)]
                    case ("f1_score", "micro"?): ours = [matrix.f1(average: .micro)]
                    case ("f1_score", "macro"?): ours = [matrix.f1(average: .macro)]
                    case ("f1_score", nil): ours = (0..<classCount).map { matrix.f1(ofClass: $0) }
                    case ("confusion_matrix", _): ours = Array(matrix.counts.joined())
                    case ("roc_auc_score", _): ours = [AUC.exactROC(labels: yTrue.values, scores: yPred.values) ?? .nan]
                    case ("average_precision_score", _):
                        ours = [AUC.averagePrecision(labels: yTrue.values, scores: yPred.values)]
                    default: ours = nil
                    }
                    guard let ours, let expected = result.value?.values else { continue }
                    #expect(
                        ours.count == expected.count && zip(ours, expected).allSatisfy(matchesFloat64),
                        "\(family)/\(testCase.name) \(result.metric) \(result.config): \(ours) vs \(expected)"
                    )
                    compared += 1
                }
            }
        }
        for testCase in load("regression") {
            guard let yTrue = testCase.inputs["y_true"], let yPred = testCase.inputs["y_pred"] else { continue }
            for result in testCase.results where result.library == "sklearn" {
                let metric: any Metric =
                    result.metric == "mean_absolute_error" ? MeanAbsoluteError() : MeanSquaredError()
                metric.update(
                    yTrue: yTrue.rows,
                    yPred: yPred.rows,
                    sampleWeight: testCase.inputs["sample_weight"]?.values
                )
                #expect(
                    matchesFloat64(metric.result, result.value?.values.first ?? .nan),
                    "\(testCase.name) \(result.metric)"
                )
                compared += 1
            }
        }
        #expect(compared >= 40)
    }

    @Test func emptyDenominatorsGiveZeroNotNaN() {
        let precision = Precision()
        precision.update(yTrue: [1.0, 0], yPred: [0.1, 0.2])
        #expect(precision.result == 0)
        let recall = Recall()
        recall.update(yTrue: [0.0, 0], yPred: [0.9, 0.2])
        #expect(recall.result == 0)
        #expect(Mean().result == 0)
        #expect(F1Score().result == 0)
        #expect(AUC().result == 0)
        #expect(AUC.exactROC(labels: [0, 0], scores: [0.1, 0.2]) == nil)
        #expect(AUC.averagePrecision(labels: [0, 0], scores: [0.1, 0.2]) == 0)
    }
}
